{{%AUTOESCAPE context="HTML"}}
<div class="dash-head">
<h1>{{_ home.welcome}}</h1>
<p class="dash-roles">{{#ROLES}}<span class="badge">{{ROLE}}</span> {{/ROLES}}</p>
</div>
{{#DONE}}<p class="notice notice-success" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#REPORT}}<p class="notice notice-warning dash-report">{{_ dashboard.report}} <a href="/reports/monthly?month={{MONTH}}">{{_ dashboard.report.link}}</a></p>{{/REPORT}}
{{#APPLICANT}}<section class="panel dash-todo" id="todo">
<h2>{{_ dashboard.todo}}</h2>
{{#NOTHING_TO_DO}}<p class="muted">{{_ dashboard.todo.none}}</p>{{/NOTHING_TO_DO}}
<ul class="dash-items">
{{#TODO}}<li class="dash-item{{#LI_OVERDUE}} is-late{{/LI_OVERDUE}}">{{#TODO_draft}}<a class="dash-item-title" href="/applications/{{ID}}">{{_ dashboard.todo.draft}}</a>
<span class="dash-item-meta muted">#{{ID}} · {{KIND}}</span>
<span class="dash-when">{{_ dashboard.todo.created}}</span>{{/TODO_draft}}{{#TODO_supplement}}<a class="dash-item-title" href="/applications/{{ID}}#supplement">{{_ dashboard.todo.supplement}}</a>
<span class="dash-item-meta muted">#{{ID}} · {{_ dashboard.todo.items}}</span>
<span class="dash-when">{{_ dashboard.todo.requested}}</span>{{/TODO_supplement}}{{#TODO_confirm}}<a class="dash-item-title" href="/audits/{{ID}}#plan">{{_ dashboard.todo.confirm}}</a>
<span class="dash-item-meta muted">#{{ID}} · {{KIND}}</span>
<span class="dash-when">{{#IN_TIME}}{{_ dashboard.starts}}{{/IN_TIME}}{{#OVERDUE}}{{_ dashboard.started}}{{/OVERDUE}}</span>{{/TODO_confirm}}{{#TODO_nc}}<a class="dash-item-title" href="/audits/{{LINK}}#nc-{{ID}}">{{_ dashboard.todo.nc}}</a>
<span class="dash-item-meta"><span class="badge badge-severity-{{SEVERITY_CODE}}">{{KIND}}</span></span>
<span class="dash-note">{{NOTE}}</span>
<span class="dash-when">{{#IN_TIME}}{{_ dashboard.due}}{{/IN_TIME}}{{#OVERDUE}}{{_ dashboard.was_due}}{{/OVERDUE}}</span>{{/TODO_nc}}</li>
{{/TODO}}</ul>
</section>
<section class="panel" id="applications">
<h2>{{_ home.my_applications}}</h2>
{{#NO_APPLICATIONS}}<p class="muted">{{_ home.no_applications}} <a href="/applications">{{_ home.start_application}}</a></p>{{/NO_APPLICATIONS}}
<ul class="my-applications">
{{#MY_APPLICATIONS}}<li><a href="/applications/{{ID}}">#{{ID}}</a> <span class="badge badge-{{STATE_CODE}}">{{STATE}}</span> <span class="muted">{{NEXT}}</span></li>
{{/MY_APPLICATIONS}}</ul>
{{#MORE_APPLICATIONS}}<p class="dash-more"><a href="/applications">{{_ dashboard.see_all}}</a></p>{{/MORE_APPLICATIONS}}
</section>
{{#HAS_CERTS}}<section class="panel" id="certificates">
<h2>{{_ dashboard.my_certificates}}</h2>
<div class="table-wrap"><table class="data dash-certs">
<thead><tr><th scope="col">{{_ certificate.number}}</th><th scope="col">{{_ certificate.level}}</th><th scope="col">{{_ certificate.status}}</th><th scope="col">{{_ certificate.expiry_date}}</th><th scope="col">{{_ certificates.surveillance_due}}</th></tr></thead>
<tbody>
{{#MY_CERTS}}<tr><td><a href="/certificates/{{CERT_ID}}">{{CERT_NUMBER}}</a></td><td><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></td><td><span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span></td><td class="nowrap" data-label="{{_ certificate.expiry_date}}">{{EXPIRY_DATE}}</td><td class="nowrap" data-label="{{_ certificates.surveillance_due}}">{{SURVEILLANCE_DUE}}</td></tr>
{{/MY_CERTS}}</tbody></table></div>
</section>{{/HAS_CERTS}}{{/APPLICANT}}
{{#PANEL_WAITING}}<section class="panel dash-waiting" id="waiting">
<h2>{{_ dashboard.waiting}}</h2>
{{#NOTHING_WAITING}}<p class="muted">{{_ dashboard.waiting.none}}</p>{{/NOTHING_WAITING}}
<div class="dash-groups">{{#GROUP}}{{>LIST}}{{/GROUP}}</div>
</section>{{/PANEL_WAITING}}
{{>STAGES}}
{{>LATE}}
{{>CALENDAR}}
{{>FIGURES}}
{{#ADMIN_LINKS}}<section class="panel">
<h2>{{_ dashboard.admin}}</h2>
<ul class="quick-links">
<li><a href="/admin/users">{{_ nav.users}}</a></li>
<li><a href="/admin/materials">{{_ nav.materials}}</a></li>
<li><a href="/admin/categories">{{_ nav.categories}}</a></li>
<li><a href="/admin/settings">{{_ nav.settings}}</a></li>
<li><a href="/admin/events">{{_ nav.events}}</a></li>
</ul>
</section>{{/ADMIN_LINKS}}
