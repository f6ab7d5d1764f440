{{%AUTOESCAPE context="HTML"}}
<h1>{{_ verify.heading}}</h1>
{{#UNKNOWN}}<p class="notice notice-error" role="status">{{_ verify.unknown}}</p>{{/UNKNOWN}}
{{#KNOWN}}<section class="panel verify-{{CERT_STATUS_CODE}}">
<p class="verify-status"><span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span></p>
{{#GENUINE_CURRENT}}<p class="notice notice-success" role="status">{{_ verify.genuine_current}}</p>{{/GENUINE_CURRENT}}
{{#GENUINE_SUPERSEDED}}<p class="notice notice-warning" role="status">{{_ verify.genuine_superseded}}</p>{{/GENUINE_SUPERSEDED}}
{{#NOT_GENUINE}}<p class="notice notice-error" role="alert">{{_ verify.not_genuine}}</p>{{/NOT_GENUINE}}
<dl class="facts">
<dt>{{_ certificate.number}}</dt><dd>{{CERT_NUMBER}}</dd>
<dt>{{_ certificate.organization}}</dt><dd>{{ORG_NAME}}</dd>
<dt>{{_ field.credit_code_label}}</dt><dd><code>{{CREDIT_CODE}}</code></dd>
<dt>{{_ certificate.level}}</dt><dd><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></dd>
<dt>{{_ certificate.scope}}</dt><dd>{{SCOPE}}</dd>
<dt>{{_ certificate.dates}}</dt><dd>{{ISSUE_DATE}} – {{EXPIRY_DATE}}</dd>
</dl>
</section>{{/KNOWN}}
<p><a href="/lookup">{{_ lookup.heading}}</a></p>
