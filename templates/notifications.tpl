{{%AUTOESCAPE context="HTML"}}
<h1>{{_ notifications.heading}}</h1>
{{#DONE}}<p class="notice notice-success" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#READ_ALL}}<form class="button-row" method="post" action="/notifications/read">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="upto" value="{{UPTO}}">
<button type="submit" class="button-secondary">{{_ notifications.read_all}}</button>
</form>{{/READ_ALL}}
{{#EMPTY}}<p class="muted">{{_ notifications.none}}</p>{{/EMPTY}}
<ul class="inbox">
{{#ITEMS}}<li class="inbox-item{{#UNREAD}} inbox-unread{{/UNREAD}}">
<form method="post" action="/notifications/{{ID}}/read">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="inbox-open">
<span class="inbox-head">{{#UNREAD}}<span class="badge badge-unread">{{_ notifications.unread}}</span> {{/UNREAD}}<strong class="inbox-title">{{TITLE}}</strong></span>
<span class="inbox-subject">{{SUBJECT}}</span>
<time class="inbox-at muted">{{AT}}</time>
</button>
</form>
</li>{{/ITEMS}}
</ul>
{{#NEXT_PAGE}}<nav class="pager" aria-label="{{_ pager.label}}"><a href="/notifications?before={{BEFORE:u}}">{{_ pager.older}}</a></nav>{{/NEXT_PAGE}}
<p class="muted"><a href="/account">{{_ notifications.preferences}}</a></p>
