<#-- The pull-request comment of `podctl diff --output markdown`. The first line is the marker the
     workflow finds the comment by. Values arrive as ready-escaped display strings (CommentModel). -->
${marker}
### podctl diff: ${changedCount} of ${total} pod(s) change<#if riskCount gt 0>, ${riskCount} risk(s)</#if>

Base ${base} → head ${head}. Resources come from the pod program run offline under the mock engine; the `podctl preview` job (with credentials) is authoritative.

<#if summary?has_content>
| Pod | Tier | + create | ~ update | +/- replace | - delete | Risks |
|---|---|---:|---:|---:|---:|---|
<#list summary as p>
| **${p.pod}**${p.status} | ${p.tier} | ${p.creates} | ${p.updates} | ${p.replaces} | ${p.deletes} | ${p.risks} |
</#list>
<#else>
No pod changes.
</#if>
<#if unchanged?has_content>

Unchanged: ${unchanged}
</#if>
<#list details as d>

<details><summary><b>${d.pod}</b>: ${d.headline}</summary>

<#if d.risks?has_content>
**Risks**

<#list d.risks as r>
- ${r}
</#list>

</#if>
<#if d.spec?has_content>
**Spec changes**

| Path | Old | New |
|---|---|---|
<#list d.spec as c>
| ${c.path} | ${c.before} | ${c.after} |
</#list>

</#if>
**Resource changes**

<#list d.resources as r>
- ${r.line}
<#list r.inputs as i>
  - ${i}
</#list>
</#list>

<#if d.rollout?has_content>
**Rollout order**

<#list d.rollout as step>
${step?counter}. ${step}
</#list>

</#if>
</details>
</#list>
<#if cutCount gt 0>

> ✂️ Details of ${cutCount} pod(s) were cut to keep this comment under GitHub's ${limit}-character limit: ${cut}. Run `podctl diff --output text` for all of them.
</#if>
