{{%AUTOESCAPE context="HTML"}}
<section class="panel dash-calendar" id="calendar">
<h2>{{_ dashboard.calendar}}</h2>
<p class="note cal-legend"><span class="cal-key cal-key-mine"></span> {{_ dashboard.calendar.mine}} <span class="cal-key cal-key-planned"></span> {{_ audit.state.planned}} <span class="cal-key cal-key-confirmed"></span> {{_ audit.state.confirmed}}</p>
{{#WEEK}}<section class="cal-week">
<h3 class="cal-week-head">{{_ dashboard.calendar.week}}</h3>
<ol class="cal-days">
{{#CAL_DAY}}<li class="cal-day{{#TODAY}} is-today{{/TODAY}}{{#PAST}} is-past{{/PAST}}{{#FREE}} is-free{{/FREE}}"><p class="cal-date"><time datetime="{{DATE}}">{{LABEL}}</time></p>
<ul class="cal-audits">{{#AUDIT}}<li class="cal-audit cal-audit-{{STATE_CODE}}{{#MINE}} is-mine{{/MINE}}"><a href="/audits/{{AUDIT_ID}}" title="{{ORG}}">{{ORG}}</a></li>{{/AUDIT}}</ul>
{{#MORE_AUDITS}}<a class="cal-more" href="/audits">{{_ dashboard.calendar.more}}</a>{{/MORE_AUDITS}}</li>
{{/CAL_DAY}}</ol>
</section>
{{/WEEK}}<p class="note">{{_ dashboard.as_of}}</p>
</section>
