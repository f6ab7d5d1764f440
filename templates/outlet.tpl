{{%AUTOESCAPE context="HTML"}}
<section class="panel form-panel">
<p><a href="/applications/{{APP_ID}}#outlets">{{_ outlet.back}}</a></p>
<h1>{{_ outlet.edit_heading}}</h1>
<p class="muted">{{ORGANIZATION}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/applications/{{APP_ID}}/outlets/{{OUTLET_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="o-name">{{_ outlet.name}}</label><input id="o-name" name="name" value="{{OUTLET_NAME}}" maxlength="200" required>{{#OUTLET_NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_NAME_ERROR}}</div>
<div class="field"><label for="o-address">{{_ outlet.address}}</label><input id="o-address" name="address" value="{{OUTLET_ADDRESS}}" maxlength="300" required>{{#OUTLET_ADDRESS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_ADDRESS_ERROR}}</div>
<div class="field"><label for="o-city">{{_ outlet.city}}</label><input id="o-city" name="city" value="{{OUTLET_CITY}}" maxlength="100" required>{{#OUTLET_CITY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_CITY_ERROR}}</div>
<div class="field"><label for="o-kind">{{_ outlet.kind}}</label><select id="o-kind" name="kind"><option value="fixed"{{#KIND_FIXED}} selected{{/KIND_FIXED}}>{{_ outlet.kind.fixed}}</option><option value="mobile"{{#KIND_MOBILE}} selected{{/KIND_MOBILE}}>{{_ outlet.kind.mobile}}</option></select>{{#OUTLET_KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_KIND_ERROR}}</div>
<div class="field"><label for="o-staff">{{_ outlet.staff}}</label><input id="o-staff" name="staff_count" type="number" min="0" max="100000" value="{{OUTLET_STAFF}}" required>{{#OUTLET_STAFF_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_STAFF_ERROR}}</div>
<div class="field"><label for="o-operator">{{_ outlet.operator}}</label><select id="o-operator" name="operator"><option value="direct"{{#OPERATOR_DIRECT}} selected{{/OPERATOR_DIRECT}}>{{_ outlet.operator.direct}}</option><option value="partner"{{#OPERATOR_PARTNER}} selected{{/OPERATOR_PARTNER}}>{{_ outlet.operator.partner}}</option></select>{{#OUTLET_OPERATOR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OUTLET_OPERATOR_ERROR}}</div>
<div class="form-actions"><button type="submit">{{_ form.save}}</button></div>
</form>
</section>
