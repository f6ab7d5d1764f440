{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<h1>{{_ certificate.heading}} {{CERT_NUMBER}} <span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span></h1>
</div>
{{#ISSUED}}<p class="notice notice-success" role="status">{{_ certificate.issued}}</p>{{/ISSUED}}
<section class="panel">
<dl class="facts">
<dt>{{_ certificate.organization}}</dt><dd>{{ORG_NAME}}</dd>
<dt>{{_ field.credit_code_label}}</dt><dd><code>{{CREDIT_CODE}}</code></dd>
<dt>{{_ certificate.address}}</dt><dd>{{ADDRESS}}</dd>
<dt>{{_ certificate.scope}}</dt><dd class="pre">{{SCOPE:pre_escape}}</dd>
<dt>{{_ certificate.standard}}</dt><dd>{{STANDARD}}</dd>
<dt>{{_ certificate.level}}</dt><dd><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></dd>
<dt>{{_ certificate.dates}}</dt><dd>{{ISSUE_DATE}} – {{EXPIRY_DATE}}</dd>
<dt>{{_ certificate.surveillance}}</dt><dd>{{S1_DUE}} · {{S2_DUE}}</dd>
<dt>{{_ certificate.version}}</dt><dd>{{CERT_VERSION}}</dd>
</dl>
<p><a class="button" href="/certificates/{{CERT_ID}}/pdf">{{_ certificate.download}}</a></p>
<p class="field-hint">{{_ certificate.verify_hint}} <a href="{{VERIFY_URL}}">{{_ certificate.verify_link}}</a></p>
</section>
