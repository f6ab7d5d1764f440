{{%AUTOESCAPE context="HTML"}}
<h1>{{_ admin.events.heading}}</h1>
<form class="filters" method="get" action="/admin/events">
<div class="field"><label for="action">{{_ admin.events.action}}</label><input id="action" name="action" value="{{ACTION}}" maxlength="64" placeholder="login"></div>
<div class="field"><label for="type">{{_ admin.events.object_type}}</label><input id="type" name="type" value="{{TYPE}}" maxlength="32" placeholder="user"></div>
<div class="field"><label for="actor">{{_ admin.events.actor}}</label><input id="actor" name="actor" type="email" value="{{ACTOR}}" maxlength="254"></div>
<div class="field"><label for="from">{{_ admin.events.from}}</label><input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">{{_ admin.events.to}}</label><input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ form.filter}}</button></div>
</form>
{{#FILTER_ERROR}}<p class="notice notice-error" role="alert">{{MESSAGE}}</p>{{/FILTER_ERROR}}
<div class="table-wrap"><table class="data">
<thead><tr><th scope="col">{{_ admin.events.at}}</th><th scope="col">{{_ admin.events.actor}}</th><th scope="col">{{_ admin.events.action}}</th><th scope="col">{{_ admin.events.object}}</th><th scope="col">{{_ admin.events.change}}</th><th scope="col">{{_ admin.events.detail}}</th><th scope="col">{{_ admin.events.address}}</th></tr></thead>
<tbody>
{{#EVENTS}}<tr><td class="nowrap">{{AT}}</td><td>{{ACTOR}}</td><td>{{ACTION_LABEL}} <code class="muted">{{EVENT_ACTION}}</code></td><td>{{TYPE_LABEL}} {{OBJECT_ID}}</td><td>{{#CHANGE}}{{FROM_STATE}} → {{TO_STATE}}{{/CHANGE}}</td><td>{{DETAIL}}</td><td>{{ADDRESS}}</td></tr>
{{/EVENTS}}
</tbody>
</table></div>
{{#NO_EVENTS}}<p class="muted">{{_ admin.events.none}}</p>{{/NO_EVENTS}}
{{#NEXT_PAGE}}<nav class="pager" aria-label="{{_ pager.label}}"><a href="/admin/events?action={{ACTION:u}}&amp;type={{TYPE:u}}&amp;actor={{ACTOR:u}}&amp;from={{FROM:u}}&amp;to={{TO:u}}&amp;before={{BEFORE:u}}">{{_ pager.older}}</a></nav>{{/NEXT_PAGE}}
