{{%AUTOESCAPE context="HTML"}}
<figure class="chart chart-{{KIND}}">
<figcaption class="chart-title" id="{{ID}}-title">{{TITLE}}</figcaption>
<svg class="chart-svg" viewBox="0 0 {{WIDTH}} {{HEIGHT}}" width="{{WIDTH}}" height="{{HEIGHT}}" role="img" aria-labelledby="{{ID}}-title" aria-describedby="{{ID}}-desc" focusable="false">
<desc id="{{ID}}-desc">{{DESC}}</desc>
{{#GRID}}<line class="chart-rule" x1="{{X1}}" y1="{{Y}}" x2="{{X2}}" y2="{{Y}}"/><text class="chart-tick" x="{{TX}}" y="{{TY}}">{{VALUE}}</text>
{{/GRID}}{{#BAR}}<g class="chart-bar chart-c-{{CSS}}"><title>{{LABEL}}: {{VALUE}}</title><text class="chart-label" x="{{LX}}" y="{{TY}}">{{LABEL}}</text><rect x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}" rx="3"/><text class="chart-value" x="{{VX}}" y="{{TY}}">{{VALUE}}</text></g>
{{/BAR}}{{#COLUMNS}}<path class="chart-shape-columns" d="{{D}}"/>
{{/COLUMNS}}{{#LINE}}<path class="chart-shape-line" d="{{D}}"/><path class="chart-shape-dots" d="{{DOTS}}"/>
{{/LINE}}{{#PERIOD}}<text class="chart-period{{#MAJOR}} is-major{{/MAJOR}}" x="{{X}}" y="{{PERIOD_Y}}">{{LABEL}}</text>
{{/PERIOD}}{{#EMPTY}}<text class="chart-empty" x="{{X}}" y="{{Y}}">{{_ chart.no_data}}</text>
{{/EMPTY}}</svg>
<details class="chart-data">
<summary>{{_ chart.data_table}}</summary>
<div class="table-wrap"><table class="data">
<caption class="visually-hidden">{{TITLE}}</caption>
<thead><tr><th scope="col">{{LABEL_HEADING}}</th><th scope="col" class="num">{{VALUE_HEADING}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{VALUE}}</td></tr>
{{/ROW}}</tbody>
</table></div>
</details>
</figure>
