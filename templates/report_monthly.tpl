{{%AUTOESCAPE context="HTML"}}
<h1>{{_ report.heading}}</h1>
<p class="muted">{{_ report.intro}}</p>
<form class="filters" method="get" action="/reports/monthly">
<div class="field"><label for="month">{{_ report.month}}</label><input id="month" name="month" type="month" value="{{MONTH}}" max="{{MAX_MONTH}}" min="2000-01" placeholder="YYYY-MM" pattern="[0-9]{4}-[0-9]{2}" required{{#PROBLEM}} aria-invalid="true" aria-describedby="month-problem"{{/PROBLEM}}></div>
<div class="form-actions"><button type="submit" class="button-secondary">{{_ report.show}}</button></div>
</form>
{{#PROBLEM}}<p class="notice notice-error" role="alert" id="month-problem">{{TEXT}}</p>{{/PROBLEM}}
{{#REPORT}}<section class="panel report-summary">
<h2>{{_ report.summary_heading}} {{MONTH}}</h2>
{{#NOTHING}}<p class="muted">{{_ report.nothing}}</p>{{/NOTHING}}
<div class="table-wrap"><table class="data report-counts">
<thead><tr><th scope="col">{{_ report.col.event}}</th><th scope="col" class="num">{{_ report.col.count}}</th></tr></thead>
<tbody>
{{#COUNTS}}<tr><td><span class="report-event report-event-{{EVENT_CODE}}">{{EVENT}}</span></td><td class="num">{{COUNT}}</td></tr>
{{/COUNTS}}</tbody>
<tfoot><tr><th scope="row">{{_ report.total}}</th><td class="num">{{TOTAL}}</td></tr></tfoot>
</table></div>
<div class="button-row"><a class="button" href="{{DOWNLOAD}}" download>{{_ report.download}}</a><span class="muted">{{_ report.download_hint}}</span></div>
</section>{{/REPORT}}
