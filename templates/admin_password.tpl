{{%AUTOESCAPE context="HTML"}}
<section class="panel">
{{#CREATED}}<h1>{{_ admin.user_created.title}}</h1>{{/CREATED}}
{{#RESET}}<h1>{{_ admin.password_reset.title}}</h1>{{/RESET}}
<p class="notice notice-success" role="status">{{_ admin.temporary.text}}</p>
<dl class="facts">
<dt>{{_ field.email_label}}</dt><dd>{{EMAIL}}</dd>
<dt>{{_ admin.temporary.password}}</dt><dd><code class="secret">{{PASSWORD}}</code></dd>
</dl>
<p class="muted">{{_ admin.temporary.once}}{{#RESET}} {{_ admin.temporary.sessions_ended}}{{/RESET}}</p>
<p><a class="button button-secondary" href="/admin/users/{{ID}}">{{_ admin.back_to_user}}</a></p>
</section>
