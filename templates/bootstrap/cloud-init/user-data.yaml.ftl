#cloud-config
# podctl pod [=pod], [=node] ([=roles?join(", ")]). Rendered by podctl: a change here replaces the instance.
write_files:
<#list files as file>
  - path: [=file.path]
    owner: root:root
    permissions: '[=file.mode]'
    content: |
<#list file.content?remove_ending("\n")?split("\n") as line>
<#if line?has_content>
      [=line]
<#else>

</#if>
</#list>
</#list>
runcmd:
  - systemctl daemon-reload
<#list installScripts as script>
  - [=script]
</#list>
  - systemctl enable --now [=units?join(" ")]
