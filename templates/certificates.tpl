{{%AUTOESCAPE context="HTML"}}
<h1>{{_ certificates.heading}}</h1>
{{#NO_CERTS}}<p class="muted">{{_ certificates.none}}</p>{{/NO_CERTS}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ certificate.number}}</th><th scope="col">{{_ certificate.organization}}</th><th scope="col">{{_ certificate.level}}</th><th scope="col">{{_ certificate.status}}</th><th scope="col">{{_ certificate.issue_date}}</th><th scope="col">{{_ certificate.expiry_date}}</th><th scope="col">{{_ certificates.surveillance_due}}</th></tr></thead>
<tbody>
{{#CERTS}}<tr><td><a href="/certificates/{{CERT_ID}}">{{CERT_NUMBER}}</a></td><td>{{ORG_NAME}}</td><td><span class="badge badge-level-{{LEVEL_CODE}}">{{LEVEL}}</span></td><td><span class="badge badge-cert-{{CERT_STATUS_CODE}}">{{CERT_STATUS}}</span> <span class="muted register-code">{{REGISTER_CODE}}</span></td><td class="nowrap">{{ISSUE_DATE}}</td><td class="nowrap">{{EXPIRY_DATE}}</td><td class="nowrap">{{SURVEILLANCE_DUE}}</td></tr>
{{/CERTS}}
</tbody></table></div>
