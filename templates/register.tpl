{{%AUTOESCAPE context="HTML"}}
<section class="panel form-panel">
<h1>{{_ register.heading}}</h1>
<p class="muted">{{_ register.intro}}</p>
{{#FORM_ERRORS}}<p class="notice notice-error" role="alert">{{_ form.errors}}</p>{{/FORM_ERRORS}}
<form method="post" action="/register" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>{{_ register.organization}}</legend>
<div class="field">
<label for="org_name">{{_ field.org_name}}</label>
<input id="org_name" name="org_name" value="{{ORG_NAME}}" maxlength="200" required autocomplete="organization"{{#ORG_NAME_ERROR}} aria-invalid="true" aria-describedby="org_name-error"{{/ORG_NAME_ERROR}}>
{{#ORG_NAME_ERROR}}<p class="field-error" id="org_name-error">{{MESSAGE}}</p>{{/ORG_NAME_ERROR}}
</div>
<div class="field">
<label for="credit_code">{{_ field.credit_code_label}}</label>
<input id="credit_code" name="credit_code" value="{{CREDIT_CODE}}" maxlength="40" required spellcheck="false" autocapitalize="characters"{{#CREDIT_CODE_ERROR}} aria-invalid="true" aria-describedby="credit_code-error"{{/CREDIT_CODE_ERROR}}>
<p class="field-hint">{{_ field.credit_code.hint}}</p>
{{#CREDIT_CODE_ERROR}}<p class="field-error" id="credit_code-error">{{MESSAGE}}</p>{{/CREDIT_CODE_ERROR}}
</div>
<div class="field">
<label for="address">{{_ field.address}}</label>
<input id="address" name="address" value="{{ADDRESS}}" maxlength="300" required autocomplete="street-address"{{#ADDRESS_ERROR}} aria-invalid="true" aria-describedby="address-error"{{/ADDRESS_ERROR}}>
{{#ADDRESS_ERROR}}<p class="field-error" id="address-error">{{MESSAGE}}</p>{{/ADDRESS_ERROR}}
</div>
<div class="field">
<label for="legal_representative">{{_ field.legal_representative}}</label>
<input id="legal_representative" name="legal_representative" value="{{LEGAL_REP}}" maxlength="100" required{{#LEGAL_REP_ERROR}} aria-invalid="true" aria-describedby="legal_representative-error"{{/LEGAL_REP_ERROR}}>
{{#LEGAL_REP_ERROR}}<p class="field-error" id="legal_representative-error">{{MESSAGE}}</p>{{/LEGAL_REP_ERROR}}
</div>
<div class="field">
<label for="contact_name">{{_ field.contact_name}}</label>
<input id="contact_name" name="contact_name" value="{{CONTACT_NAME}}" maxlength="100" required{{#CONTACT_NAME_ERROR}} aria-invalid="true" aria-describedby="contact_name-error"{{/CONTACT_NAME_ERROR}}>
{{#CONTACT_NAME_ERROR}}<p class="field-error" id="contact_name-error">{{MESSAGE}}</p>{{/CONTACT_NAME_ERROR}}
</div>
<div class="field">
<label for="contact_phone">{{_ field.contact_phone}}</label>
<input id="contact_phone" name="contact_phone" type="tel" value="{{CONTACT_PHONE}}" maxlength="40" required autocomplete="tel"{{#CONTACT_PHONE_ERROR}} aria-invalid="true" aria-describedby="contact_phone-error"{{/CONTACT_PHONE_ERROR}}>
{{#CONTACT_PHONE_ERROR}}<p class="field-error" id="contact_phone-error">{{MESSAGE}}</p>{{/CONTACT_PHONE_ERROR}}
</div>
<div class="field">
<label for="contact_email">{{_ field.contact_email}}</label>
<input id="contact_email" name="contact_email" type="email" value="{{CONTACT_EMAIL}}" maxlength="254" required{{#CONTACT_EMAIL_ERROR}} aria-invalid="true" aria-describedby="contact_email-error"{{/CONTACT_EMAIL_ERROR}}>
{{#CONTACT_EMAIL_ERROR}}<p class="field-error" id="contact_email-error">{{MESSAGE}}</p>{{/CONTACT_EMAIL_ERROR}}
</div>
</fieldset>
<fieldset>
<legend>{{_ register.first_user}}</legend>
<div class="field">
<label for="user_name">{{_ field.name}}</label>
<input id="user_name" name="user_name" value="{{USER_NAME}}" maxlength="100" required autocomplete="name"{{#USER_NAME_ERROR}} aria-invalid="true" aria-describedby="user_name-error"{{/USER_NAME_ERROR}}>
{{#USER_NAME_ERROR}}<p class="field-error" id="user_name-error">{{MESSAGE}}</p>{{/USER_NAME_ERROR}}
</div>
<div class="field">
<label for="email">{{_ field.email_label}}</label>
<input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" required autocomplete="username"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
</div>
<div class="field">
<label for="password">{{_ field.password}}</label>
<input id="password" name="password" type="password" maxlength="1024" required autocomplete="new-password"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
<p class="field-hint">{{_ field.password.hint}}</p>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="field">
<label for="password_confirm">{{_ field.password_confirm}}</label>
<input id="password_confirm" name="password_confirm" type="password" maxlength="1024" required autocomplete="new-password"{{#PASSWORD_CONFIRM_ERROR}} aria-invalid="true" aria-describedby="password_confirm-error"{{/PASSWORD_CONFIRM_ERROR}}>
{{#PASSWORD_CONFIRM_ERROR}}<p class="field-error" id="password_confirm-error">{{MESSAGE}}</p>{{/PASSWORD_CONFIRM_ERROR}}
</div>
</fieldset>
<div class="form-actions"><button type="submit">{{_ register.submit}}</button></div>
</form>
</section>
