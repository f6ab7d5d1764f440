{{%AUTOESCAPE context="HTML"}}
{{#WELCOME}}<section class="panel welcome">
{{#REGISTERED}}<p class="notice notice-success" role="status">{{_ home.registered}}</p>{{/REGISTERED}}
<h2>{{_ home.welcome}}</h2>
<ul class="quick-links">
{{#APPLICANT_LINKS}}<li><a href="/applications">{{_ nav.applications}}</a></li>
<li><a href="/organization">{{_ nav.organization}}</a></li>{{/APPLICANT_LINKS}}
{{#STAFF_LINKS}}<li><a href="/applications">{{_ nav.applications_staff}}</a></li>{{/STAFF_LINKS}}
{{#ADMIN_LINKS}}<li><a href="/admin/users">{{_ nav.users}}</a></li>
<li><a href="/admin/materials">{{_ nav.materials}}</a></li>
<li><a href="/admin/categories">{{_ nav.categories}}</a></li>
<li><a href="/admin/settings">{{_ nav.settings}}</a></li>
<li><a href="/admin/events">{{_ nav.events}}</a></li>{{/ADMIN_LINKS}}
<li><a href="/account">{{_ nav.account}}</a></li>
</ul>
{{#APPLICANT_LINKS}}<h2>{{_ home.my_applications}}</h2>
{{#NO_APPLICATIONS}}<p class="muted">{{_ home.no_applications}} <a href="/applications">{{_ home.start_application}}</a></p>{{/NO_APPLICATIONS}}
<ul class="my-applications">
{{#MY_APPLICATIONS}}<li><a href="/applications/{{ID}}">#{{ID}}</a> <span class="badge badge-{{STATE_CODE}}">{{STATE}}</span> <span class="muted">{{NEXT}}</span></li>
{{/MY_APPLICATIONS}}</ul>{{/APPLICANT_LINKS}}
</section>{{/WELCOME}}
<section class="hero">
<p class="eyebrow">{{_ home.eyebrow}}</p>
<h1>{{_ home.heading}}</h1>
<p class="lead">{{_ home.lead}}</p>
</section>

<section class="panel">
<h2>{{_ home.steps.heading}}</h2>
<ol class="steps">
<li><span class="step-title">{{_ stage.application}}</span><span class="step-text">{{_ home.steps.application}}</span></li>
<li><span class="step-title">{{_ stage.review}}</span><span class="step-text">{{_ home.steps.review}}</span></li>
<li><span class="step-title">{{_ stage.audit}}</span><span class="step-text">{{_ home.steps.audit}}</span></li>
<li><span class="step-title">{{_ stage.evaluation}}</span><span class="step-text">{{_ home.steps.evaluation}}</span></li>
<li><span class="step-title">{{_ stage.decision}}</span><span class="step-text">{{_ home.steps.decision}}</span></li>
<li><span class="step-title">{{_ stage.surveillance}}</span><span class="step-text">{{_ home.steps.surveillance}}</span></li>
</ol>
</section>

<section class="panel">
<h2>{{_ home.levels.heading}}</h2>
<table class="levels">
<thead><tr><th scope="col">{{_ home.levels.level}}</th><th scope="col">{{_ home.levels.score}}</th></tr></thead>
<tbody>
<tr><td><span class="stars" aria-hidden="true">★★★★★</span> {{_ level.five}}</td><td>≥ 95</td></tr>
<tr><td><span class="stars" aria-hidden="true">★★★★</span> {{_ level.four}}</td><td>≥ 90</td></tr>
<tr><td><span class="stars" aria-hidden="true">★★★</span> {{_ level.three}}</td><td>≥ 80</td></tr>
<tr><td>{{_ level.compliant}}</td><td>≥ 70</td></tr>
</tbody>
</table>
<p class="note">{{_ home.levels.note}}</p>
</section>
