{{%AUTOESCAPE context="HTML"}}
<section class="error-page">
<p class="error-code">{{STATUS}}</p>
<h1>{{ERROR_TITLE}}</h1>
<p class="error-text">{{ERROR_TEXT}}</p>
{{#NOT_FOUND}}<p class="error-path">{{_ error.path}} <code>{{PATH}}</code></p>{{/NOT_FOUND}}
<p class="error-actions">{{#SIGN_IN}}<a class="button" href="/login?next={{NEXT:u}}">{{_ nav.login}}</a> {{/SIGN_IN}}<a class="button{{#SIGN_IN}} button-secondary{{/SIGN_IN}}" href="/">{{_ error.home}}</a></p>
<p class="request-id">{{_ error.request_id}} <code>{{REQUEST_ID}}</code></p>
</section>
