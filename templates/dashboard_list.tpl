{{%AUTOESCAPE context="HTML"}}
<section class="dash-group dash-{{PART}}" id="{{PART}}-{{KIND}}">
<h3><span>{{HEADING}}</span> <span class="dash-count">{{COUNT}}</span></h3>
<ul class="dash-items">
{{#ITEM}}<li class="dash-item{{#LATE_MARK}} is-late{{/LATE_MARK}}"><a class="dash-item-title" href="{{HREF}}">{{ORG}}</a>
<span class="dash-item-meta"><span class="muted">#{{ID}}{{#REF}} · {{REF}}{{/REF}}</span> <span class="badge {{STATE_CLASS}}">{{STATE}}</span>{{#LEADER}} <span class="badge badge-leader">{{_ audit.leader}}</span>{{/LEADER}}{{#MEMBER}} <span class="badge">{{_ audit.member}}</span>{{/MEMBER}}{{#PLANNED}} <span class="badge badge-case-open">{{_ dashboard.audit_planned}}</span>{{/PLANNED}}</span>
<span class="dash-when">{{#SINCE}}{{_ dashboard.since}}{{/SINCE}}{{#STARTS}}{{_ dashboard.starts}}{{/STARTS}}{{#STARTED}}{{_ dashboard.started}}{{/STARTED}}{{#DUE}}{{_ dashboard.due}}{{/DUE}}{{#WAS_DUE}}{{_ dashboard.was_due}}{{/WAS_DUE}}{{#WITHDRAW}}{{_ dashboard.withdraw}}{{/WITHDRAW}}{{#WITHDRAW_DUE}}{{_ dashboard.withdraw_due}}{{/WITHDRAW_DUE}}{{#HOLDER}} · {{_ dashboard.holder}}{{/HOLDER}}</span></li>
{{/ITEM}}</ul>
{{#MORE}}<p class="dash-more"><a href="{{MORE_HREF}}">{{_ dashboard.see_all}}</a></p>{{/MORE}}
</section>
