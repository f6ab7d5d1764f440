{{%AUTOESCAPE context="HTML"}}
<h1>{{_ audits.heading}}</h1>
{{#TO_PLAN_PANEL}}<section class="panel">
<h2>{{_ audits.to_plan}}</h2>
{{#NONE_TO_PLAN}}<p class="muted">{{_ audits.none_to_plan}}</p>{{/NONE_TO_PLAN}}
<ul>{{#TO_PLAN}}<li><a href="/applications/{{APP_ID}}/audit">{{ORGANIZATION}} · #{{APP_ID}}</a> <span class="muted">{{DECIDED_AT}} · {{MANDAYS}} {{_ audits.mandays_unit}}</span></li>
{{/TO_PLAN}}</ul>
</section>{{/TO_PLAN_PANEL}}
<section class="panel">
<h2>{{_ audits.list}}</h2>
{{#NO_AUDITS}}<p class="muted">{{_ audits.none}}</p>{{/NO_AUDITS}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ audits.audit}}</th><th scope="col">{{_ admin.organization}}</th><th scope="col">{{_ audit.start_date}}</th><th scope="col">{{_ audit.end_date}}</th><th scope="col">{{_ audit.leader}}</th><th scope="col">{{_ application.state}}</th></tr></thead>
<tbody>
{{#AUDIT_ROWS}}<tr><td><a href="/audits/{{AUDIT_ID}}">#{{AUDIT_ID}}</a>{{#MINE}} <span class="badge">{{_ audits.mine}}</span>{{/MINE}}</td><td>{{ORGANIZATION}}</td><td class="nowrap">{{START_DATE}}</td><td class="nowrap">{{END_DATE}}</td><td>{{LEADER}}</td><td><span class="badge badge-audit-{{AUDIT_STATE_CODE}}">{{AUDIT_STATE}}</span></td></tr>
{{/AUDIT_ROWS}}
</tbody>
</table></div>
</section>
