{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<h1>{{_ admin.users.heading}}</h1>
<a class="button" href="/admin/users/new">{{_ admin.users.new}}</a>
</div>
<form class="filters" method="get" action="/admin/users">
<div class="field">
<label for="q">{{_ admin.users.search}}</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="100">
</div>
<div class="field">
<label for="role">{{_ admin.users.role}}</label>
<select id="role" name="role">
<option value="">{{_ admin.users.any_role}}</option>
{{#ROLE_FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_FILTER}}</select>
</div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ form.filter}}</button></div>
</form>
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ field.name}}</th><th scope="col">{{_ field.email_label}}</th><th scope="col">{{_ account.roles}}</th><th scope="col">{{_ admin.organization}}</th><th scope="col">{{_ admin.status}}</th></tr></thead>
<tbody>
{{#USERS}}<tr><td><a href="/admin/users/{{ID}}">{{NAME}}</a></td><td>{{EMAIL}}</td><td>{{#ROLES}}<span class="badge">{{ROLE}}</span> {{/ROLES}}</td><td>{{ORGANIZATION}}</td><td>{{#DISABLED}}<span class="badge badge-error">{{_ admin.disabled}}</span>{{/DISABLED}}{{#ACTIVE}}<span class="badge badge-success">{{_ admin.enabled}}</span>{{/ACTIVE}}</td></tr>
{{/USERS}}
</tbody>
</table></div>
{{#NO_USERS}}<p class="muted">{{_ admin.users.none}}</p>{{/NO_USERS}}
{{#NEXT_PAGE}}<nav class="pager" aria-label="{{_ pager.label}}"><a href="/admin/users?q={{Q:u}}&amp;role={{ROLE:u}}&amp;after={{AFTER:u}}">{{_ pager.next}}</a></nav>{{/NEXT_PAGE}}
