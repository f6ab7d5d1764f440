{{%AUTOESCAPE context="HTML"}}
<section class="panel">
<h1>{{_ invitation.created_title}}</h1>
<p class="notice notice-success" role="status">{{_ invitation.created_text}}</p>
<p><label for="invitation-link">{{_ invitation.link}}（{{EMAIL}}）</label></p>
<p><input id="invitation-link" class="copy-field" value="{{LINK}}" readonly></p>
<p class="muted">{{_ invitation.created_once}}</p>
<p><a class="button button-secondary" href="/organization">{{_ organization.back}}</a></p>
</section>
