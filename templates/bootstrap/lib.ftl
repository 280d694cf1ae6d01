<#-- Helpers shared by the bootstrap templates. -->

<#-- zk://host1:2181,host2:2181,host3:2181<chroot>: how Mesos and Marathon name the ensemble. -->
<#function zkUrl endpoints chroot>
  <#local hosts = []>
  <#list endpoints as endpoint>
    <#local hosts += [endpoint.host + ":" + endpoint.port?c]>
  </#list>
  <#return "zk://" + hosts?join(",") + chroot>
</#function>
