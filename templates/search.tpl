{{%AUTOESCAPE context="HTML"}}
<h1>{{_ search.heading}}</h1>
<form class="filters search-form" method="get" action="/search" role="search">
<div class="field">
<label for="search-q">{{_ search.label}}</label>
<input id="search-q" name="q" type="search" value="{{Q}}" maxlength="100" autofocus>
</div>
<div class="form-actions"><button type="submit">{{_ search.submit}}</button></div>
</form>
{{#HINT}}<p class="muted">{{_ search.hint}}</p>{{/HINT}}
{{#SEARCHED}}
<section class="panel search-section">
<h2>{{_ search.organizations}}</h2>
{{#HAS_ORGANIZATIONS}}<ul class="search-hits">
{{#ORGANIZATIONS}}<li><a href="/search?q={{CREDIT_CODE:u}}">{{ORG_NAME}}</a> <span class="muted mono">{{CREDIT_CODE}}</span></li>{{/ORGANIZATIONS}}
</ul>{{/HAS_ORGANIZATIONS}}
{{#NO_ORGANIZATIONS}}<p class="muted">{{_ search.none}}</p>{{/NO_ORGANIZATIONS}}
</section>
<section class="panel search-section">
<h2>{{_ search.applications}}</h2>
{{#HAS_APPLICATIONS}}<ul class="search-hits">
{{#APPLICATIONS}}<li><a href="/applications/{{APP_ID}}">#{{APP_ID}} {{ORG_NAME}}</a> <span class="badge badge-{{STATE_CODE}}">{{STATE}}</span> <span class="muted">{{KIND}} · {{SUBMITTED}}</span></li>{{/APPLICATIONS}}
</ul>{{/HAS_APPLICATIONS}}
{{#NO_APPLICATIONS}}<p class="muted">{{_ search.none}}</p>{{/NO_APPLICATIONS}}
</section>
<section class="panel search-section">
<h2>{{_ search.certificates}}</h2>
{{#HAS_CERTIFICATES}}<ul class="search-hits">
{{#CERTIFICATES}}<li><a class="mono" href="/certificates/{{CERT_ID}}">{{CERT_NUMBER}}</a> {{ORG_NAME}} <span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span> <span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span></li>{{/CERTIFICATES}}
</ul>{{/HAS_CERTIFICATES}}
{{#NO_CERTIFICATES}}<p class="muted">{{_ search.none}}</p>{{/NO_CERTIFICATES}}
</section>
{{/SEARCHED}}
