{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="{{HTML_LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{_ app.name}}</title>
<link rel="stylesheet" href="/static/css/starcert.css">
<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">
</head>
<body class="page-{{PAGE}}">
<a class="skip-link" href="#main">{{_ layout.skip}}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="/">
<img class="brand-mark" src="/static/img/favicon.svg" alt="" width="32" height="32">
<span class="brand-text"><span class="brand-name">{{_ app.name}}</span><span class="brand-body">{{BODY_NAME}}</span></span>
</a>
<nav class="site-nav" aria-label="{{_ layout.nav}}">
{{#ANONYMOUS}}<a href="/">{{_ nav.home}}</a>{{/ANONYMOUS}}{{#SIGNED_IN}}<a href="/dashboard">{{_ nav.dashboard}}</a>{{/SIGNED_IN}}
<a href="/lookup">{{_ nav.lookup}}</a>
{{#NAV_APPLICANT}}<a href="/applications">{{_ nav.applications}}</a>
<a href="/organization">{{_ nav.organization}}</a>
<a href="/certificates">{{_ nav.certificates}}</a>{{/NAV_APPLICANT}}
{{#NAV_REVIEW}}<a href="/review">{{_ nav.review}}</a>{{/NAV_REVIEW}}
{{#NAV_STAFF}}<a href="/applications">{{_ nav.applications_staff}}</a>
<a href="/audits">{{_ nav.audits}}</a>
<a href="/certificates">{{_ nav.certificates}}</a>{{/NAV_STAFF}}
{{#NAV_AUDITOR}}<a href="/account/conflicts">{{_ nav.conflicts}}</a>{{/NAV_AUDITOR}}
{{#NAV_ADMIN}}<a href="/admin/users">{{_ nav.users}}</a>
<a href="/admin/settings">{{_ nav.settings}}</a>
<a href="/admin/materials">{{_ nav.materials}}</a>
<a href="/admin/categories">{{_ nav.categories}}</a>
<a href="/admin/scheme">{{_ nav.scheme}}</a>
<a href="/admin/events">{{_ nav.events}}</a>{{/NAV_ADMIN}}
{{#ANONYMOUS}}<a href="/login">{{_ nav.login}}</a>
<a href="/register">{{_ nav.register}}</a>{{/ANONYMOUS}}
</nav>
<div class="header-tools">
{{#STAFF_SEARCH}}<form class="site-search" method="get" action="/search" role="search"><input name="q" type="search" placeholder="{{_ search.placeholder}}" aria-label="{{_ search.label}}" maxlength="100"></form>{{/STAFF_SEARCH}}
{{#SIGNED_IN}}<a class="inbox-link" href="/notifications">{{_ nav.notifications}}{{#UNREAD}}<span class="unread-count" aria-label="{{_ nav.unread}}">{{COUNT}}</span>{{/UNREAD}}</a>
<a class="user-name" href="/account">{{USER_NAME}}</a>
<form class="sign-out" method="post" action="/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="button-secondary button-small">{{_ nav.logout}}</button></form>{{/SIGNED_IN}}
<a class="lang-switch" href="{{LANG_SWITCH_URL}}" lang="{{_ layout.other_language_code}}">{{_ layout.other_language}}</a>
</div>
</div>
</header>
<main id="main" class="wrap site-main">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="wrap footer-row">
<p>{{BODY_NAME}}</p>
<p>{{_ footer.standard}}</p>
</div>
</footer>
<script src="/static/js/upload.js" defer></script>
</body>
</html>
