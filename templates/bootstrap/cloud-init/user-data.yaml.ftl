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
  - systemctl enable [=units?join(" ")]
  # no waiting: the steps run in order as units, and a failed one leaves its marker
  - systemctl start --no-block [=units?join(" ")]
