// journey.mjs: the whole certification of an enterprise in Chromium, as the people
// involved would click it, first in Chinese and then once more in English:
//
//   the enterprise registers, applies with outlets and materials (real PDF and
//   image files made here), and submits; a reviewer asks for a supplement; the
//   applicant answers and resubmits; the reviewer accepts; the admin records the
//   auditors' qualifications and an auditor declares a conflict of interest; a
//   supervisor plans the audit with a qualified team; the applicant confirms the
//   plan; the team scores the sheet and raises a nonconformity; the applicant
//   answers it; the team closes it and the leader submits the report; an evaluator
//   from off the team (an account the admin makes in the UI) recommends; the
//   supervisor approves; the applicant downloads the certificate; a stranger finds
//   it in the public register and verifies it; a year later (starcertctl tick
//   --today) its first surveillance opens and the certificate page shows it.
//
// The English journey is a second enterprise, whose browser asks for English,
// going through the same body: its staff keep their browsers from the Chinese
// journey and switch with the language link in the header. It leaves out what is
// done once (the auditors' profiles, the evaluator's account, the conflict) and
// the refusals already seen in Chinese.
//
// Every step asserts what the person sees and leaves a screenshot in
// tests/e2e/screenshots/ (NN-lang-step.png; some steps also a close-up of a panel
// or a phone-width view). After a failure the rest of that language's journey is
// skipped (each later step would only wait for its timeout). E2E_LANGS=zh runs the
// Chinese journey only (the English one needs it first).
import { chromium } from "playwright-core";
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { strict as assert } from "node:assert";

const BASE = process.env.STARCERT_URL;
const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
const LANGS = (process.env.E2E_LANGS || "zh,en").split(",");
const FILES = mkdtempSync(`${tmpdir()}/starcert-e2e-`);
let passed = 0, failed = 0, skipped = 0, shots = 0, inSteps = 0, inShots = 0;
const started = Date.now();
for (const f of readdirSync(SHOTS))
	if (f.endsWith(".png"))
		rmSync(SHOTS + f);

const browser = await chromium.launch({
	executablePath: "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run"],
});

// --- the harness ----------------------------------------------------------------

// fullShot(page, path): the whole page as a PNG. Playwright's fullPage screenshot,
// but with Chromium's encoder set for speed: a third larger files, half the time
// (the journey takes a hundred of them).
const cdps = new WeakMap();
async function fullShot(page, path) {
	if (!cdps.has(page))
		cdps.set(page, await page.context().newCDPSession(page));
	const cdp = cdps.get(page);
	await page.evaluate(() => document.fonts.ready);
	const { cssContentSize: size } = await cdp.send("Page.getLayoutMetrics");
	const { data } = await cdp.send("Page.captureScreenshot", {
		format: "png", optimizeForSpeed: true, captureBeyondViewport: true,
		clip: { x: 0, y: 0, width: Math.ceil(size.width), height: Math.ceil(size.height), scale: 1 },
	});
	writeFileSync(path, Buffer.from(data, "base64"));
}

// A journey in one language: run(page, name, fn) is a step of it.
function journeyRun(lang) {
	let broken = false;
	// run fn(shot) and screenshot the whole page as NN-lang-name.png. shot(suffix,
	// locator?) saves an extra one, NN-lang-name-suffix.png, of a panel or (without
	// a locator) of the page as it is, e.g. at a phone's width.
	return async function step(page, name, fn) {
		const n = String(++shots).padStart(2, "0");
		const base = `${SHOTS}${n}-${lang}-${name}`;
		if (broken) {
			skipped++;
			console.log(`  skip ${lang}-${name}`);
			return;
		}
		const shot = async (suffix, locator) => {
			if (locator)
				await locator.screenshot({ path: `${base}-${suffix}.png` });
			else
				await fullShot(page, `${base}-${suffix}.png`);
		};
		const t0 = Date.now();
		try {
			await fn(shot);
			passed++;
			console.log(`  ok   ${lang}-${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
		} catch (e) {
			failed++;
			broken = true;
			console.log(`  FAIL ${lang}-${name}: ${e.message.split("\n")[0]}`);
		}
		const t1 = Date.now();
		// A step is shown, or it did not pass.
		await fullShot(page, `${base}.png`).catch((e) => {
			if (!broken) {
				passed--;
				failed++;
			}
			console.log(`  FAIL ${lang}-${name}: no screenshot: ${e.message.split("\n")[0]}`);
		});
		inSteps += t1 - t0;
		inShots += Date.now() - t1;
	};
}

// atPhoneWidth(page, fn): run fn with the viewport of a 390 px wide phone, asserting
// that nothing makes the page scroll sideways.
async function atPhoneWidth(page, fn) {
	const desktop = page.viewportSize();
	await page.setViewportSize({ width: 390, height: 844 });
	try {
		const wide = await page.evaluate(() => {
			const out = [];
			for (const el of document.querySelectorAll("main *")) {
				const r = el.getBoundingClientRect();
				if (r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !el.closest(".table-wrap"))
					out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}`);
			}
			return { scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
		});
		assert.ok(wide.scroll <= 390 && wide.out.length === 0, `wider than the phone: ${wide.scroll}px; ${wide.out.join(", ")}`);
		await fn();
	} finally {
		await page.setViewportSize(desktop);
	}
}

// labelsClear(page, selector): in each dl.facts there, every label's text ends
// clear of its value (a few pixels at least), side by side as on a desktop.
async function labelsClear(page, selector) {
	const cramped = await page.$$eval(`${selector} dl.facts > dt`, (dts) => dts.flatMap((dt) => {
		const range = document.createRange();
		range.selectNodeContents(dt);
		const end = range.getBoundingClientRect().right, dd = dt.nextElementSibling;
		return dd && dd.getBoundingClientRect().left - end < 8 ? [dt.textContent] : [];
	}));
	assert.deepEqual(cramped, [], `labels run into their values in ${selector}`);
}

// ctl(args, input?): starcertctl, as an operator runs it, against this instance's
// database; resolves to what it printed.
function ctl(args, input) {
	const v = process.env.STARCERT_VAR;
	const port = [...readFileSync(`${v}/pg/postgresql.conf`, "utf8").matchAll(/^port = (\d+)/gm)].pop()[1];
	return new Promise((resolve, reject) => {
		const child = execFile(`${process.env.STARCERT_BUILD}/starcertctl`, args, {
			encoding: "utf8",
			env: { ...process.env, ASAN_OPTIONS: "detect_leaks=0", STARCERT_DB: `host=${v}/pgsock port=${port} dbname=starcert user=starcert_app` },
		}, (err, stdout, stderr) => (err ? reject(new Error(`starcertctl ${args[0]}: ${stderr || err.message}`)) : resolve(stdout)));
		child.stdin.end(input ?? "");
	});
}

// addStaff: a staff account made the way an operator does, with starcertctl.
function addStaff(email, name, roles, password) {
	return ctl(["user", "add", email, "--name", name, "--role", roles], password + "\n");
}

// A person at a browser, set to Chinese (Accept-Language) unless told otherwise.
async function person(browserLocale) {
	const context = await browser.newContext({ locale: browserLocale ?? "zh-CN", viewport: { width: 1280, height: 900 } });
	context.setDefaultTimeout(10000);
	// Pages of the sanitized build that make a PDF (the approval) take longer.
	context.setDefaultNavigationTimeout(30000);
	const page = await context.newPage();
	await page.goto(BASE + "/");
	return page;
}

// speak(page, lang): switch the interface to lang with the link in the header, as
// someone whose browser asks for the other language does.
async function speak(page, lang) {
	const want = lang === "en" ? "en" : "zh-CN";
	if ((await page.getAttribute("html", "lang")) === want)
		return;
	const link = page.locator("header .lang-switch");
	assert.equal((await link.textContent()).trim(), lang === "en" ? "English" : "中文");
	await Promise.all([page.waitForNavigation(), link.click()]);
	assert.equal(await page.getAttribute("html", "lang"), want);
}

async function signIn(page, email, password) {
	await page.goto(BASE + "/login");
	await page.fill("#email", email);
	await page.fill("#password", password);
	await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
}

// menu(page, label): follow the header's link of that name.
async function menu(page, label) {
	const link = page.locator(`.site-nav a:text-is("${label}")`);
	assert.equal(await link.count(), 1, `one menu entry '${label}'`);
	await Promise.all([page.waitForNavigation(), link.click()]);
}

// submit(page, selector): click and wait for the page the form leads to.
async function submit(page, selector) {
	await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function text(page, selector = "main") {
	return (await page.textContent(selector)) || "";
}

// day(n): the day (in China) the journey started plus n days, as YYYY-MM-DD:
// the same all along, should China's midnight pass during a run.
const STARTED = Date.now();
function day(n) {
	const d = new Date(STARTED + 8 * 3600e3 + n * 86400e3);
	return d.toISOString().slice(0, 10);
}

// A year after the date YYYY-MM-DD (29 February becomes 28 February).
function yearAfter(date) {
	const [y, m, d] = date.split("-").map(Number);
	return `${y + 1}-${String(m).padStart(2, "0")}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, "0")}`;
}

// The files people upload, made here: a PDF printed by Chromium, an organization
// chart as a PNG and a photo from the site as a JPEG.
async function makeFiles(lang, org) {
	const zh = lang === "zh";
	const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
	const page = await context.newPage();
	const dir = `${FILES}/${lang}`;
	rmSync(dir, { recursive: true, force: true });
	execFileSync("mkdir", ["-p", dir]);
	const style = "<style>body{font-family:'WenQuanYi Zen Hei',sans-serif;margin:40px} .box{display:inline-block;border:2px solid #1d4ed8;padding:12px 20px;margin:8px;border-radius:6px}</style>";
	const files = {
		pdf: `${dir}/${zh ? "企业简介" : "company-profile"}.pdf`,
		evidencePdf: `${dir}/${zh ? "投诉处理培训记录" : "complaint-training-record"}.pdf`,
		png: `${dir}/${zh ? "组织机构图" : "organization-chart"}.png`,
		jpeg: `${dir}/${zh ? "维修中心现场" : "repair-centre"}.jpg`,
	};
	await page.setContent(`${style}<h1>${org}</h1><h2>${zh ? "企业简介" : "Company profile"}</h2>
		<p>${zh ? "公司成立于 2008 年，主营家用空调的销售、安装和维修，在浙江省设有 2 个服务中心。" : "Founded in 2008; sells, installs and repairs air conditioners; two service centres in Zhejiang."}</p>
		<table border="1" cellpadding="6"><tr><th>2021</th><th>2022</th><th>2023</th></tr><tr><td>3.1%</td><td>3.4%</td><td>3.9%</td></tr></table>`);
	writeFileSync(files.pdf, await page.pdf({ format: "A4" }));
	await page.setContent(`${style}<h1>${zh ? "投诉处理培训记录" : "Complaint handling training"}</h1>
		<p>${zh ? "2026 年 12 月，客服中心 12 人参加投诉处理时限培训，考核全部合格。" : "December 2026: 12 service staff trained on complaint deadlines, all passed."}</p>`);
	writeFileSync(files.evidencePdf, await page.pdf({ format: "A4" }));
	await page.setContent(`${style}<div id="chart" style="text-align:center;width:600px">
		<div class="box">${zh ? "总经理" : "General manager"}</div><br>
		<div class="box">${zh ? "销售部" : "Sales"}</div><div class="box">${zh ? "售后服务部" : "After-sales"}</div><div class="box">${zh ? "客服中心" : "Call centre"}</div></div>`);
	await page.locator("#chart").screenshot({ path: files.png });
	await page.setContent(`<div id="photo" style="width:640px;height:400px;background:linear-gradient(135deg,#9ca3af,#e5e7eb);font:40px sans-serif;padding:30px">
		<div style="background:#fff;width:300px;height:200px;border:6px solid #374151"></div>${zh ? "维修工位" : "Repair bench"}</div>`);
	await page.locator("#photo").screenshot({ path: files.jpeg, type: "jpeg", quality: 80 });
	await context.close();
	for (const f of Object.values(files))
		assert.ok(readFileSync(f).length > 1000, `${f} looks empty`);
	return files;
}

// --- the journey ----------------------------------------------------------------

// The enterprises, one a language, and the certification body's staff, the same
// people in both journeys: their browsers stay open (and signed in) from the
// Chinese journey to the English one, where each switches the language.
const ORGS = {
	zh: {
		org: "星辰电器服务有限公司", part: "星辰电器", code: "91330200MA2AXXXX1F",
		applicant: ["王芳", "wangfang@journey.example"], category: "家用电器",
	},
	en: {
		org: "Stellar Appliance Service Co.", part: "Stellar Appliance", code: "91110105MA00ABCD1G",
		applicant: ["Jane Wang", "jane@journey.example"], category: "Household appliances",
	},
};
const STAFF = {
	reviewer: ["李审核", "li.shen@journey.example", "reviewer"],
	supervisor: ["周主管", "zhou.zhu@journey.example", "supervisor"],
	lead: ["张组长", "zhang.zu@journey.example", "auditor"],
	member: ["赵审核员", "zhao.shen@journey.example", "auditor"],
	conflicted: ["孙审核员", "sun.shen@journey.example", "auditor"],
	evaluator: ["钱评定", "qian.ping@journey.example"],	// made by the admin, in the UI
};
const STAFF_PASSWORD = "staff-password-1";
const ADMIN = [process.env.STARCERT_ADMIN_EMAIL, process.env.STARCERT_ADMIN_PASSWORD];
const desks = {};

// desk(role): that staff member's browser.
async function desk(role) {
	return (desks[role] ??= await person());
}

// ready(page, role, lang): signed in (the first time) and speaking lang.
async function ready(page, role, lang) {
	if (await page.locator("header .user-name").count() === 0) {
		await signIn(page, STAFF[role][1], STAFF_PASSWORD);
		assert.equal((await page.textContent("header .user-name")).trim(), STAFF[role][0]);
	}
	await speak(page, lang);
}

// The journey in one language.
async function journey(lang) {
	const zh = lang === "zh";
	const t = (a, b) => (zh ? a : b);
	const step = journeyRun(lang);
	const who = ORGS[lang];
	const orgRe = who.org.replace(".", "\\.");
	const files = await makeFiles(lang, who.org);
	const s = {};	// what later steps need: the application, the audit, the certificate

	// The applicant, whose browser asks for the journey's language: register,
	// apply, outlets, materials, a refused upload.
	const applicant = await person(zh ? "zh-CN" : "en-US");
	await step(applicant, "home", async () => {
		assert.equal(await applicant.getAttribute("html", "lang"), zh ? "zh-CN" : "en");
		assert.match(await text(applicant), t(/认证流程/, /How certification works/));
	});

	await step(applicant, "register", async () => {
		const link = applicant.locator(`.site-nav a[href="/register"]`);
		assert.equal((await link.textContent()).trim(), t("企业注册", "Register"));
		await link.click();
		await applicant.fill("#org_name", who.org);
		await applicant.fill("#credit_code", who.code);
		await applicant.fill("#address", "浙江省杭州市西湖区文三路 1 号");
		await applicant.fill("#legal_representative", "王五");
		await applicant.fill("#contact_name", who.applicant[0]);
		await applicant.fill("#contact_phone", "0571-88886666");
		await applicant.fill("#contact_email", who.applicant[1]);
		await applicant.fill("#user_name", who.applicant[0]);
		await applicant.fill("#email", who.applicant[1]);
		await applicant.fill("#password", "journey-password-1");
		await applicant.fill("#password_confirm", "journey-password-1");
		await submit(applicant, "form[action='/register'] button[type=submit]");
		assert.match(await text(applicant), t(/注册成功/, /You are registered/));
	});

	await step(applicant, "new-application", async () => {
		await menu(applicant, t("认证申请", "Applications"));
		await submit(applicant, `text=${t("创建申请草稿", "Create a draft")}`);
		assert.match(applicant.url(), /\/applications\/\d+$/);
		s.app = applicant.url();
		s.appId = s.app.match(/\d+$/)[0];
		assert.match(await text(applicant), t(/草稿/, /Draft/));
		assert.match(await text(applicant), t(/提交前还需要完成以下内容/, /Before you can submit/));
	});

	await step(applicant, "details", async () => {
		await applicant.fill("#scope-input", t("家用空调的销售、安装和维修服务", "Sale, installation and repair of household air conditioners"));
		await applicant.locator("#categories label", { hasText: who.category }).locator("input").check();
		await applicant.fill("#sales-input", t("直营门店与电商平台", "Own shops and online platforms"));
		await applicant.check("input[name=delivery_mode][value=mixed]");
		await applicant.fill("#funding-input", t("每年售后服务专项资金 2000 万元，自有维修中心 3 个", "A yearly after-sales budget of CNY 20 million; three own repair centres"));
		await applicant.check("input[name=exclude_take_back]");
		await applicant.fill("input[name=reason_take_back]", t("不涉及废弃商品回收", "We take no discarded products back"));
		await submit(applicant, "#details button[type=submit]");
		assert.match(await text(applicant), t(/申请信息已保存/, /Saved/));
	});

	await step(applicant, "outlets", async () => {
		const outlets = [["杭州西湖服务中心", "杭州", "西湖区文三路 1 号", "12"], ["宁波海曙服务中心", "宁波", "海曙区中山西路 8 号", "6"]];
		for (const [name, city, address, staff] of outlets) {
			await applicant.click(`summary:has-text("${t("添加一个网点", "Add an outlet")}")`);
			await applicant.fill("#o-name", name);
			await applicant.fill("#o-city", city);
			await applicant.fill("#o-address", address);
			await applicant.fill("#o-staff", staff);
			await submit(applicant, `text=${t("添加网点", "Add the outlet")}`);
			assert.match(await text(applicant), t(/服务网点已添加/, /Outlet added/));
		}
		assert.match(await text(applicant), /杭州西湖服务中心[\s\S]*宁波海曙服务中心/);
	});

	await step(applicant, "upload-with-progress", async () => {
		const item = applicant.locator("#material-business_licence");
		await item.locator("input[type=file]").setInputFiles(files.pdf);
		await Promise.all([applicant.waitForURL(/done=uploaded/), item.locator("button[type=submit]").click()]);
		assert.match(await applicant.locator("#material-business_licence").textContent(), t(/企业简介\.pdf/, /company-profile\.pdf/));
	});

	if (zh)
		await step(applicant, "refused-type", async () => {
			writeFileSync(`${FILES}/fake.pdf`, "<html><body>not a pdf</body></html>\n");
			const item = applicant.locator("#material-company_profile");
			await item.locator("input[type=file]").setInputFiles(`${FILES}/fake.pdf`);
			await item.locator("button[type=submit]").click();
			await applicant.waitForSelector(".notice-error");
			assert.match(await text(applicant), /text\/html/);
		});

	await step(applicant, "complete-and-submit", async () => {
		await applicant.goto(s.app);
		assert.match(await text(applicant), t(/提交前还需要完成以下内容/, /Before you can submit/));
		const missing = await applicant.$$eval(".material", (els) => els
			.filter((m) => m.querySelector(".badge-required") && !m.querySelector(".file-row"))
			.map((m) => m.id));
		assert.ok(missing.length > 10, `only ${missing.length} required items without a file`);
		// A few one after the other as a person would (each upload reloads the page
		// at its item, also when the address is already ?done=uploaded) ...
		for (const id of missing.slice(0, 3)) {
			const item = applicant.locator(`#${id}`);
			await item.locator("input[type=file]").setInputFiles(id === "material-org_chart" ? files.png : files.pdf);
			await Promise.all([applicant.waitForURL(new RegExp(`done=uploaded#${id}$`)), item.locator("button[type=submit]").click()]);
			await item.locator(".file-row").waitFor({ timeout: 5000 });
		}
		// ... and the rest with the very request each item's form sends, to keep the journey short.
		for (const id of missing.slice(3)) {
			const action = await applicant.getAttribute(`#${id} form.upload`, "action");
			const file = id === "material-org_chart" ?
				{ name: files.png.split("/").pop(), mimeType: "image/png", buffer: readFileSync(files.png) } :
				{ name: `${id.slice(9)}.pdf`, mimeType: "application/pdf", buffer: readFileSync(files.pdf) };
			const res = await applicant.request.post(BASE + action, { headers: { Origin: BASE }, multipart: { file }, maxRedirects: 0 });
			assert.equal(res.status(), 303, `upload ${id}`);
		}
		await applicant.goto(s.app);
		assert.doesNotMatch(await text(applicant), t(/提交前还需要完成以下内容/, /Before you can submit/));
		assert.match(await applicant.textContent("#material-org_chart .file-row"), t(/组织机构图\.png/, /organization-chart\.png/));
		assert.match(await applicant.textContent("#submit"), t(/可以提交/, /you can submit/));
		await submit(applicant, "#submit button[type=submit]");
		assert.match(await text(applicant), t(/申请已提交，请等待认证机构审核/, /Submitted\. The certification body will now review it/));
		assert.match(await applicant.textContent("h1 .badge"), t(/已提交，待审核/, /Submitted, awaiting review/));
	});

	// The reviewer's first round: take, judge, tick some eligibility, ask for a supplement.
	const reviewer = await desk("reviewer");
	await step(reviewer, "reviewer-queue", async (shot) => {
		await ready(reviewer, "reviewer", lang);
		await menu(reviewer, t("审核队列", "Review queue"));
		const row = reviewer.locator(`tr:has(a[href="/applications/${s.appId}"])`);
		assert.match(await row.textContent(), new RegExp(orgRe));
		assert.match(await row.textContent(), t(/已提交，待审核/, /Submitted, awaiting review/));
		await shot("list");
		await Promise.all([reviewer.waitForNavigation(), row.locator("a").click()]);
		assert.match(await reviewer.textContent("#review"), t(/尚无审核员领取/, /Not taken yet/));
		assert.equal(await reviewer.locator(".verdict-form").count(), 0, "verdicts before taking it");
	});

	await step(reviewer, "reviewer-take", async (shot) => {
		await submit(reviewer, `text=${t("领取审核", "Take for review")}`);
		assert.match(await text(reviewer), t(/已领取，您现在是此申请的审核员/, /Taken: you now hold this application/));
		assert.match(await reviewer.textContent("#review"), new RegExp(t(`由 ${STAFF.reviewer[0]} 审核`, `Held by ${STAFF.reviewer[0]}`)));
		assert.ok(await reviewer.locator("#material-company_profile .verdict-form").isVisible());
		assert.ok(await reviewer.locator("#decision #eligibility").isVisible());
		// A PDF opens in the browser ("查看"), inline and sandboxed, not as a download.
		const view = reviewer.locator("#material-business_licence a.view-link").first();
		assert.equal(await view.textContent(), t("查看", "View"));
		const res = await reviewer.context().request.get(BASE + await view.getAttribute("href"));
		assert.equal(res.status(), 200);
		assert.match(res.headers()["content-disposition"], /^inline/);
		assert.match(res.headers()["content-security-policy"], /sandbox/);
		assert.equal(await reviewer.locator("#material-org_chart a.view-link").count(), 1, "an image opens too");
		assert.equal(await reviewer.locator("#material-business_licence .file-row").count(), 1);
		if (zh)
			await atPhoneWidth(reviewer, () => shot("phone"));
	});

	await step(reviewer, "reviewer-asks-for-a-supplement", async (shot) => {
		const forms = reviewer.locator(".material:has(.file-row) .verdict-form");
		const n = await forms.count();
		for (let i = 0; i < n; i++)
			await forms.nth(i).locator("input[value=accepted]").check();
		const profile = reviewer.locator("#material-company_profile .verdict-form");
		await profile.locator("input[value=supplement]").check();
		await profile.locator("input[type=text], input:not([type])").fill(t("缺少近三年市场占有率数据，请补充。", "The market share of the last three years is missing."));
		const permits = reviewer.locator("#material-permits .verdict-form");
		await permits.locator("input[value=not_applicable]").check();
		await permits.locator("input:not([type])").fill(t("空调销售和维修不需要行政许可", "No permit is needed to sell and repair air conditioners"));
		await reviewer.check("#met-legal_entity");
		await reviewer.check("#met-written_rules");
		await reviewer.fill("input[name=note_funding]", t("待核实专项资金的年度预算", "Check the yearly budget"));
		await reviewer.fill("#round-comment", t("请在两周内补充，其余材料已通过。", "Please answer within two weeks; the rest is accepted."));
		await reviewer.evaluate(() => document.activeElement.blur());
		await shot("decision", reviewer.locator("#decision"));
		await submit(reviewer, "#decision button[name=action][value=supplement]");
		assert.match(await text(reviewer), t(/已要求申请人补充材料/, /The applicant was asked for a supplement/));
		assert.match(await reviewer.textContent("h1 .badge"), t(/需补充材料/, /Supplement needed/));
		// Nobody holds it while the applicant works on it: the verdicts show as badges.
		assert.equal(await reviewer.locator(".verdict-form").count(), 0);
		assert.match(await reviewer.textContent("#material-company_profile .verdict"), t(/需补充\s*缺少近三年市场占有率数据/, /Supplement needed\s*The market share/));
		assert.match(await reviewer.textContent("#material-permits .verdict"), t(/不适用\s*空调销售和维修不需要行政许可/, /Not applicable\s*No permit is needed/));
		assert.match(await reviewer.textContent("#history"), t(/要求补充[\s\S]*请在两周内补充/, /Supplement requested[\s\S]*Please answer within two weeks/));
	});

	// The applicant reads what is asked, uploads a new version, answers and resubmits.
	await step(applicant, "applicant-sees-the-request", async (shot) => {
		await menu(applicant, t("认证申请", "Applications"));
		assert.match(await text(applicant), t(/需补充材料/, /Supplement needed/));
		await Promise.all([applicant.waitForNavigation(), applicant.click(`a[href="${new URL(s.app).pathname}"] >> nth=0`)]);
		const panel = applicant.locator("#supplement");
		assert.match(await panel.locator("h2").textContent(), t(/需要补充的材料/, /Supplement requested/));
		assert.equal(await panel.locator(".supplement-item").count(), 1);
		assert.match(await panel.textContent(), t(/企业简介[\s\S]*缺少近三年市场占有率数据/, /Company profile[\s\S]*The market share of the last three years/));
		assert.match(await panel.textContent(), t(/请在两周内补充，其余材料已通过。/, /Please answer within two weeks/));
		assert.match(await panel.textContent(), t(/尚未上传新版本/, /No new version yet/));
		assert.match(await applicant.textContent("#material-company_profile .flagged"), t(/需补充：\s*缺少近三年市场占有率数据/, /Supplement needed:\s*The market share/));
		// Only the flagged item can take a new file; the details are locked.
		assert.equal(await applicant.locator("#material-company_profile form.upload").count(), 1);
		assert.equal(await applicant.locator("#material-training form.upload").count(), 0);
		assert.equal(await applicant.locator("#scope-input").count(), 0);
		await shot("panel", panel);
		if (zh)
			await atPhoneWidth(applicant, () => shot("phone", panel));
	});

	await step(applicant, "applicant-resubmits", async (shot) => {
		await applicant.click("#supplement a[href='#material-company_profile']");
		const item = applicant.locator("#material-company_profile");
		await item.locator("input[type=file]").setInputFiles(files.pdf);
		await Promise.all([applicant.waitForURL(/done=uploaded/), item.locator("button[type=submit]").click()]);
		await applicant.waitForFunction(() => document.querySelectorAll("#material-company_profile .file-row").length === 2);
		assert.match(await applicant.textContent("#supplement"), t(/已上传 1 个新版本/, /1 new version\(s\) uploaded/));
		assert.match(await applicant.textContent("#supplement"), t(/所有项目均已处理，可以重新提交/, /Every item is answered; you can resubmit/));
		await applicant.fill("#supplement textarea", t("已在企业简介第 3 页补充 2021—2023 年市场占有率。", "Page 3 of the profile now gives the 2021–2023 market share."));
		await applicant.evaluate(() => document.activeElement.blur());
		await shot("answered", applicant.locator("#supplement"));
		await submit(applicant, "#supplement button[value=resubmit]");
		assert.match(await text(applicant), t(/补充材料已提交，请等待再次审核/, /The supplement was sent; please wait for the next review/));
		assert.match(await applicant.textContent("h1 .badge"), t(/已补充，待审核/, /Resubmitted/));
		assert.equal(await applicant.locator("#supplement").count(), 0);
	});

	// The reviewer's second round: take it again, accept the item, complete the checklist, accept.
	await step(reviewer, "reviewer-round-2", async () => {
		await menu(reviewer, t("审核队列", "Review queue"));
		const row = reviewer.locator(`tr:has(a[href="/applications/${s.appId}"])`);
		assert.match(await row.textContent(), t(/已补充，待审核/, /Resubmitted/));
		await Promise.all([reviewer.waitForNavigation(), row.locator("a").click()]);
		await submit(reviewer, `text=${t("领取审核", "Take for review")}`);
		const profile = reviewer.locator("#material-company_profile");
		assert.match(await profile.textContent(), t(/申请人在您的结论之后上传了新版本/, /The applicant uploaded a newer version after your verdict/));
		assert.ok(await profile.locator("input[value=supplement]").isChecked(), "the round-1 verdict is kept");
		assert.ok(await reviewer.locator("#material-training input[value=accepted]").isChecked(), "accepted items stay accepted");
		assert.match(await reviewer.textContent("#history"), t(/已在企业简介第 3 页补充/, /Page 3 of the profile/));
		await reviewer.check("#material-company_profile input[value=accepted]");
		await reviewer.fill("#material-company_profile .verdict-form input:not([type])", "");
	});

	if (zh)
		await step(reviewer, "reviewer-accept-refused", async () => {
			await submit(reviewer, "#decision button[value=accept]");
			const err = reviewer.locator("#decision .notice-error");
			assert.match(await err.textContent(), /尚不能受理/);
			assert.match(await err.textContent(), /资格条件未勾选满足/);
			assert.match(await reviewer.textContent("h1 .badge"), /审核中/);
			// The form comes back as it was filled in.
			assert.ok(await reviewer.locator("#material-company_profile input[value=accepted]").isChecked());
			assert.ok(await reviewer.locator("#met-legal_entity").isChecked());
		});

	await step(reviewer, "reviewer-accepts", async (shot) => {
		for (const box of await reviewer.locator("#eligibility input[type=checkbox]").all())
			await box.check();
		const mandays = await reviewer.inputValue("#mandays");
		assert.match(mandays, /^\d+(\.5)?$/);
		s.mandays = mandays;
		const m = mandays.replace(".", "\\.");
		assert.match(await reviewer.textContent("#decision"), new RegExp(t(`按规则估算：${m} 人日`, `Estimated by the rules: ${m} man-days`)));
		await shot("decision", reviewer.locator("#decision"));
		await submit(reviewer, "#decision button[value=accept]");
		assert.match(await text(reviewer), t(/申请已受理/, /The application was accepted/));
		assert.match(await reviewer.textContent("h1 .badge"), t(/已受理/, /Accepted/));
		assert.match(await text(reviewer), new RegExp(t(`审核人日：${m}`, `Audit man-days: ${m}`)));
		assert.equal(await reviewer.locator("#decision").count(), 0);
	});

	await step(applicant, "applicant-accepted", async (shot) => {
		await applicant.goto(s.app);
		assert.match(await applicant.textContent("h1 .badge"), t(/已受理/, /Accepted/));
		assert.match(await applicant.textContent(".notice-success"), t(/申请已受理[\s\S]*审核人日/, /The application was accepted[\s\S]*Audit man-days/));
		const history = applicant.locator("#history");
		assert.match(await history.locator("h2").textContent(), t(/审核记录/, /Review history/));
		assert.equal(await history.locator("ol.rounds > li").count(), 2);
		// The newest round first.
		const [two, one] = [history.locator("ol.rounds > li").nth(0), history.locator("ol.rounds > li").nth(1)];
		assert.match(await one.textContent(), t(/轮次 1[\s\S]*要求补充[\s\S]*缺少近三年市场占有率数据[\s\S]*已在企业简介第 3 页补充/, /Round 1[\s\S]*Supplement requested[\s\S]*The market share[\s\S]*Page 3 of the profile/));
		assert.match(await two.textContent(), t(/轮次 2[\s\S]*受理/, /Round 2[\s\S]*Accepted/));
		await shot("history", history);
		if (zh)
			await atPhoneWidth(applicant, () => shot("phone"));
	});

	if (zh) {
		// Once: the admin records each auditor's qualification on their profile and
		// makes the evaluator's account; an auditor declares a conflict with this
		// enterprise.
		const admin = await person();
		await step(admin, "admin-auditor-profiles", async (shot) => {
			await signIn(admin, ...ADMIN);
			for (const [i, role] of ["lead", "member", "conflicted"].entries()) {
				const name = STAFF[role][0], reg = `CCAA-2026-00${i + 1}`;
				await menu(admin, "用户管理");
				await admin.fill("#q", name);
				await submit(admin, "form.filters button[type=submit]");
				await submit(admin, `table a:text-is("${name}")`);
				assert.equal(await text(admin, "h1"), name);
				const form = admin.locator("form[action$='/auditor']");
				assert.match(await text(admin, "main"), /审核员资料[\s\S]*注册证书编号[\s\S]*资格有效期至[\s\S]*专业能力范围/);
				await form.locator("#registration_no").fill(reg);
				await form.locator("#valid_until").fill(day(3 * 365));
				await form.locator("label", { hasText: who.category }).locator("input").check();
				if (i === 0)
					await shot("form", form);
				await submit(admin, "form[action$='/auditor'] button[type=submit]");
				assert.match(await text(admin, ".notice-success"), /审核员资料已保存/);
				assert.equal(await admin.inputValue("#registration_no"), reg);
				assert.equal(await admin.inputValue("#valid_until"), day(3 * 365));
				assert.ok(await form.locator("label", { hasText: who.category }).locator("input").isChecked());
			}
		});

		await step(admin, "admin-creates-the-evaluator", async (shot) => {
			await menu(admin, "用户管理");
			await submit(admin, "text=新建员工账号");
			await admin.fill("#name", STAFF.evaluator[0]);
			await admin.fill("#email", STAFF.evaluator[1]);
			await admin.locator("fieldset label", { hasText: "评定人员" }).locator("input").check();
			await submit(admin, "form[action='/admin/users/new'] button[type=submit]");
			assert.equal(await text(admin, "h1"), "账号已创建");
			s.temporary = (await admin.textContent("code.secret")).trim();
			assert.ok(s.temporary.length >= 10, `a temporary password '${s.temporary}'`);
			await shot("created", admin.locator("main"));
		});
		await admin.context().close();

		const conflicted = await person();
		await step(conflicted, "auditor-declares-a-conflict", async () => {
			await ready(conflicted, "conflicted", lang);
			await menu(conflicted, "利益冲突声明");
			assert.match(await text(conflicted), /尚无声明/);
			await conflicted.fill("#c-org", who.org);
			await conflicted.fill("#c-code", who.code);
			await conflicted.selectOption("#c-rel", "consulting");
			await conflicted.fill("#c-from", day(-400));
			await conflicted.fill("#c-to", day(-60));
			await conflicted.fill("#c-note", "为其售后服务体系提供咨询");
			await submit(conflicted, "form[action='/account/conflicts'] button[type=submit]");
			const row = conflicted.locator("table.data tbody tr", { hasText: who.code });
			assert.match(await row.textContent(), new RegExp(`${orgRe}[\\s\\S]*咨询服务[\\s\\S]*${day(-400)}[\\s\\S]*${day(-60)}`));
		});
		await conflicted.context().close();
	}

	// The supervisor plans the audit with a qualified team.
	const supervisor = await desk("supervisor");
	const start = day(14), end = day(15);
	const teamRow = (role) => supervisor.locator("#team tr", { hasText: STAFF[role][0] });
	const savePlan = `form button[type=submit]:text-is("${t("保存审核计划", "Save the plan")}")`;
	await step(supervisor, "supervisor-plan-form", async (shot) => {
		await ready(supervisor, "supervisor", lang);
		await menu(supervisor, t("现场审核", "Audits"));
		const todo = supervisor.locator("section.panel", { hasText: t("待安排审核的申请", "Accepted applications to plan") });
		assert.match(await todo.textContent(), new RegExp(`${orgRe} · #${s.appId}`));
		await submit(supervisor, `a[href="/applications/${s.appId}/audit"]`);
		assert.match(await text(supervisor, "h1"), t(/审核计划\s*初次认证审核/, /Audit plan\s*Initial audit/));
		assert.match(await text(supervisor), new RegExp(orgRe));
		assert.equal(await supervisor.inputValue("#mandays"), s.mandays);
		for (const role of ["lead", "member"])
			assert.equal(await teamRow(role).locator(".badge").textContent(), t("符合", "Fit"), `${role} is fit`);
		assert.match(await text(supervisor, "#outlets"), t(/固定服务网点 2 个，建议至少抽样 \d 个/, /2 fixed outlets; visit at least \d/));
		await supervisor.fill("#start-date", start);
		await supervisor.fill("#end-date", end);
		await teamRow("lead").locator("input[name=leader]").check();
		await teamRow("member").locator("input[name=member]").check();
		for (const box of await supervisor.locator("#outlets input[name=outlet]").all())
			await box.check();
		if (zh) {
			// The auditor who consulted for the enterprise is marked, and refused.
			assert.match(await teamRow("conflicted").textContent(), /近两年内与该企业存在利益冲突/);
			await teamRow("conflicted").locator("input[name=member]").check();
			await submit(supervisor, savePlan);
			assert.match(await text(supervisor, ".notice-error"), /提交的内容有 1 处需要更正/);
			assert.match(await text(supervisor, "#team .field-error"), new RegExp(`${STAFF.conflicted[0]}：近两年内与该企业存在利益冲突`));
			// What was typed comes back.
			assert.equal(await supervisor.inputValue("#start-date"), start);
			assert.ok(await teamRow("lead").locator("input[name=leader]").isChecked());
			await shot("team", supervisor.locator("#team"));
		}
	});

	await step(supervisor, "supervisor-plans", async () => {
		if (zh)
			await teamRow("conflicted").locator("input[name=member]").uncheck();
		await submit(supervisor, savePlan);
		assert.match(supervisor.url(), /\/audits\/\d+\?done=planned/);
		s.audit = supervisor.url().replace(/[?#].*$/, "");
		s.auditPath = new URL(s.audit).pathname;
		assert.match(await text(supervisor, ".notice-success"), t(/审核计划已保存，等待企业确认/, /The plan is saved; the organization will confirm it/));
		assert.match(await supervisor.textContent("h1 .badge"), t(/待确认计划/, /Plan to confirm/));
		const plan = await text(supervisor, "#plan");
		assert.match(plan, new RegExp(`${start} – ${end}`));
		assert.match(plan, new RegExp(`${STAFF.lead[0]} · ${t("组长", "Leader")}`));
		assert.match(plan, new RegExp(STAFF.member[0]));
		assert.doesNotMatch(plan, new RegExp(STAFF.conflicted[0]));
		assert.match(plan, new RegExp(`${t("抽样网点", "Outlets to visit")} \\(2\\)`));
		assert.match(plan, /杭州西湖服务中心/);
		assert.match(plan, /宁波海曙服务中心/);
	});

	// The applicant confirms the plan.
	await step(applicant, "applicant-confirms-the-plan", async (shot) => {
		await applicant.goto(s.app);
		await submit(applicant, `a:text-is("${t("查看现场审核", "Open the on-site audit")}")`);
		assert.equal(applicant.url(), s.audit);
		assert.match(await text(applicant, "#plan"), new RegExp(`${start} – ${end}[\\s\\S]*${STAFF.lead[0]} · ${t("组长", "Leader")}`));
		assert.match(await text(applicant, "#plan"), t(/请核对审核日期、审核组和抽样网点/, /Please check the dates, the team and the outlets/));
		assert.equal(await applicant.locator("#sheet").count(), 0, "no score sheet for the applicant");
		await shot("plan", applicant.locator("#plan"));
		await submit(applicant, `#plan button[type=submit]`);
		assert.match(await text(applicant, ".notice-success"), t(/已确认审核计划/, /The plan is confirmed/));
		assert.match(await applicant.textContent("h1 .badge"), t(/审核中/, /Auditing/));
		assert.equal(await applicant.locator("#plan form").count(), 0);
	});

	// The team scores: the member uploads a photo and scores the service system,
	// the leader the rest, with a sampled item, and raises a nonconformity.
	const member = await desk("member");
	await step(member, "member-scores-part-of-the-sheet", async (shot) => {
		await ready(member, "member", lang);
		await menu(member, t("现场审核", "Audits"));
		const row = member.locator("tr", { has: member.locator(`a[href="${s.auditPath}"]`) });
		assert.match(await row.textContent(), new RegExp(`${t("我的", "mine")}[\\s\\S]*${orgRe}[\\s\\S]*${start}[\\s\\S]*${STAFF.lead[0]}[\\s\\S]*${t("审核中", "Auditing")}`));
		await submit(member, `a[href="${s.auditPath}"]`);
		const resources = member.locator("#ind-resources");
		await resources.locator("input[type=file]").setInputFiles(files.jpeg);
		await Promise.all([member.waitForURL(/done=evidence_added/), resources.locator("button[type=submit]").click()]);
		assert.match(await text(member, ".notice-success"), t(/证据文件已上传/, /The evidence file is uploaded/));
		assert.match(await member.textContent("#ind-resources"), t(/维修中心现场\.jpg/, /repair-centre\.jpg/));
		for (const code of ["organization", "staffing", "resources", "norms", "supervision", "improvement", "service_culture"]) {
			const r = member.locator(`#ind-${code}`);
			await r.locator(`input[name=kind_${code}][value=points]`).check();
			await r.locator(`input[name=points_${code}]`).fill(await r.locator("td.num").textContent());
		}
		await member.fill("textarea[name=notes_resources]", t("维修中心工位 12 个，备件库存清单齐全。", "12 repair benches; the spare-parts list is complete."));
		await submit(member, "#sheet-form button[type=submit]");
		assert.match(await text(member, ".notice-success"), t(/评分表已保存/, /The score sheet is saved/));
		assert.equal(await member.inputValue("input[name=points_organization]"), "5.0");
		assert.match(await member.textContent("#ind-resources"), t(/维修中心工位 12 个/, /12 repair benches/));
		assert.equal(await member.locator(".report-box").count(), 0, "only the leader reports");
		await shot("evidence", member.locator("#ind-resources"));
	});

	const lead = await desk("lead");
	const described = t("抽查 10 件投诉记录，2 件未在承诺的 48 小时内答复客户。", "Of 10 complaint records checked, 2 were not answered within the promised 48 hours.");
	await step(lead, "leader-scores-the-rest", async (shot) => {
		await ready(lead, "lead", lang);
		await menu(lead, t("现场审核", "Audits"));
		await submit(lead, `a[href="${s.auditPath}"]`);
		// The member's scores and the declared exclusion are there.
		assert.equal(await lead.inputValue("input[name=points_staffing]"), "6.0");
		assert.ok(await lead.locator("input[name=kind_take_back][value=excluded]").isChecked(), "take-back excluded as declared");
		assert.match(await lead.inputValue("textarea[name=notes_take_back]"), t(/不涉及废弃商品回收/, /We take no discarded products back/));
		const scores = { product_information: "5", technical_support: "6", delivery: "5", quality_guarantee: "6", customer_relations: "10", complaint_handling: "11" };
		for (const [code, points] of Object.entries(scores)) {
			await lead.check(`input[name=kind_${code}][value=points]`);
			await lead.fill(`input[name=points_${code}]`, points);
		}
		// Repair checked on 10 service records, 2 nonconforming: 7 × 0.8 = 5.6.
		await lead.check("input[name=kind_repair][value=sampled]");
		await lead.fill("input[name=checked_repair]", "10");
		await lead.fill("input[name=nonconforming_repair]", "2");
		await lead.fill("textarea[name=notes_complaint_handling]", described);
		await submit(lead, "#sheet-form button[type=submit]");
		assert.match(await text(lead, ".notice-success"), t(/评分表已保存/, /The score sheet is saved/));
		// 88.6 of the 95 applicable points: 93.3, four stars.
		assert.equal(await text(lead, ".score-final"), "93.3");
		assert.match(await text(lead, ".score-box"), t(/四星级/, /Four-star/));
		assert.match(await text(lead, ".score-box"), t(/得分 88\.6 \/ 适用分值 95\.0/, /88\.6 of 95\.0 applicable points/));
		await shot("score", lead.locator(".score-box"));
	});

	await step(lead, "leader-raises-a-nonconformity", async (shot) => {
		await lead.click(`#ncs summary:has-text("${t("开具不符合项", "Raise a nonconformity")}")`);
		await lead.selectOption("#nc-ind", "complaint_handling");
		await lead.selectOption("#nc-sev", "general");
		await lead.fill("#nc-due", day(30));
		await lead.fill("#nc-desc", described);
		await submit(lead, "form[action$='/nonconformities'] button[type=submit]");
		assert.match(await text(lead, ".notice-success"), t(/已开具不符合项/, /The nonconformity is raised/));
		const nc = lead.locator("#ncs article.nc");
		assert.equal(await nc.count(), 1);
		assert.match(await nc.textContent(), new RegExp(`${t("投诉处理", "Complaint handling")}[\\s\\S]*${t("一般", "General")}[\\s\\S]*${t("待整改", "Open")}`));
		assert.match(await nc.textContent(), new RegExp(`${t("整改期限", "Due")} ${day(30)}`));
		s.nc = (await nc.getAttribute("id")).replace("nc-", "");
		await shot("nc", nc);
	});

	// The applicant answers the nonconformity with evidence.
	await step(applicant, "applicant-answers-the-nonconformity", async (shot) => {
		await applicant.goto(s.audit);
		const nc = applicant.locator(`#nc-${s.nc}`);
		assert.match(await nc.textContent(), new RegExp(`${described.slice(0, 12)}[\\s\\S]*${t("整改期限", "Due")} ${day(30)}`));
		await nc.locator("input[type=file]").setInputFiles(files.evidencePdf);
		await Promise.all([applicant.waitForURL(/done=evidence_added/), nc.locator("form.upload button[type=submit]").click()]);
		assert.match(await applicant.locator(`#nc-${s.nc} .file-row`).textContent(), t(/投诉处理培训记录\.pdf/, /complaint-training-record\.pdf/));
		await applicant.fill(`#cause-${s.nc}`, t("节假日客服人手不足，投诉未及时分派。", "Too few call-centre staff on holidays; complaints were not assigned in time."));
		await applicant.fill(`#correction-${s.nc}`, t("已回访两位客户并解决其问题。", "Both customers were called back and their problems solved."));
		await applicant.fill(`#action-${s.nc}`, t("增加节假日值班并培训客服人员（见培训记录）。", "Holiday shifts added and staff trained (see the training record)."));
		await applicant.evaluate(() => document.activeElement.blur());
		await shot("answer", applicant.locator(`#nc-${s.nc}`));
		await submit(applicant, `#nc-${s.nc} form[action$='/answer'] button[type=submit]`);
		assert.match(await text(applicant, ".notice-success"), t(/已提交整改答复/, /Your answer is sent/));
		assert.match(await applicant.textContent(`#nc-${s.nc}`), new RegExp(`${t("待验证", "Answered")}[\\s\\S]*${t("节假日客服人手不足", "Too few call-centre staff")}`));
		assert.equal(await applicant.locator(`#nc-${s.nc} form`).count(), 0, "no second answer while it waits");
	});

	// The leader closes it and submits the report.
	await step(lead, "leader-closes-it-and-reports", async (shot) => {
		await lead.goto(s.audit);
		const nc = lead.locator(`#nc-${s.nc}`);
		assert.match(await nc.textContent(), t(/待验证[\s\S]*原因分析[\s\S]*节假日客服人手不足/, /Answered[\s\S]*Cause[\s\S]*Too few call-centre staff/));
		assert.match(await nc.locator(".file-row").textContent(), t(/投诉处理培训记录\.pdf/, /complaint-training-record\.pdf/));
		await lead.fill(`#verify-${s.nc}`, t("培训记录与回访记录已核实。", "Training and call-back records checked."));
		await submit(lead, `#nc-${s.nc} button[value=closed]`);
		assert.match(await text(lead, ".notice-success"), t(/不符合项已关闭/, /The nonconformity is closed/));
		await labelsClear(lead, `#nc-${s.nc}`);
		assert.match(await lead.textContent(`#nc-${s.nc}`), new RegExp(`${t("已关闭", "Closed")}[\\s\\S]*${t("培训记录与回访记录已核实", "Training and call-back records checked")}`));
		assert.match(await text(lead, ".report-box"), t(/提交后评分表锁定/, /Once submitted the score sheet is locked/));
		await submit(lead, ".report-box button[type=submit]");
		assert.match(await text(lead, ".notice-success"), t(/审核报告已提交，评分表已锁定/, /The report is submitted; the sheet is locked/));
		assert.match(await lead.textContent("h1 .badge"), t(/已提交报告/, /Reported/));
		assert.equal(await lead.locator("#sheet-form").count(), 0, "the sheet is locked");
		assert.match(await text(lead, "#ind-repair"), /5\.6/);
		assert.equal(await text(lead, ".score-final"), "93.3");
		if (zh)
			await atPhoneWidth(lead, () => shot("phone"));
	});

	// The evaluator, whose account the admin made, sets a password (once) and recommends.
	const evaluator = await desk("evaluator");
	if (zh)
		await step(evaluator, "evaluator-first-sign-in", async () => {
			await signIn(evaluator, STAFF.evaluator[1], s.temporary);
			assert.match(evaluator.url(), /\/account\/password$/);
			assert.match(await text(evaluator), /请先设置新密码，然后才能继续使用/);
			await evaluator.fill("#current_password", s.temporary);
			await evaluator.fill("#password", STAFF_PASSWORD);
			await evaluator.fill("#password_confirm", STAFF_PASSWORD);
			await submit(evaluator, "form[action='/account/password'] button[type=submit]");
			assert.match(await text(evaluator), /密码已修改/);
		});

	await step(evaluator, "evaluator-recommends", async (shot) => {
		await ready(evaluator, "evaluator", lang);
		await menu(evaluator, t("现场审核", "Audits"));
		assert.match(await evaluator.locator("tr", { has: evaluator.locator(`a[href="${s.auditPath}"]`) }).textContent(), t(/已提交报告/, /Reported/));
		await submit(evaluator, `a[href="${s.auditPath}"]`);
		assert.match(await text(evaluator, "#evaluate"), t(/按评分表计算：93\.3 分，四星级/, /From the sheet: 93\.3, Four-star/));
		assert.equal(await evaluator.locator("#evaluate select[name=level] option:checked").textContent(), t("四星级", "Four-star"));
		assert.equal((await evaluator.textContent("#evaluate fieldset.recommendation label:has(input[value=certify])")).trim(), t("推荐认证，等级：", "Certify at the level"));
		await evaluator.fill("#eval-comment", t("审核记录完整，不符合项已关闭，同意推荐四星级。", "The record is complete and the nonconformity closed: four stars recommended."));
		await evaluator.evaluate(() => document.activeElement.blur());
		await shot("form", evaluator.locator("#evaluate"));
		await submit(evaluator, "#evaluate button[type=submit]");
		assert.match(await text(evaluator, ".notice-success"), t(/评定已提交/, /The evaluation is submitted/));
		assert.match(await evaluator.textContent("h1 .badge"), t(/已评定/, /Evaluated/));
		// The outcome as a badge of its own, not the form's label ("推荐认证，等级：").
		assert.equal(await text(evaluator, "#evaluation .badge"), t("推荐认证", "Certify"));
		assert.match(await text(evaluator, "#evaluation"), new RegExp(`${t("四星级", "Four-star")}[\\s\\S]*93\\.3[\\s\\S]*${STAFF.evaluator[0]}`));
		assert.equal(await evaluator.locator("#decide").count(), 0, "an evaluator does not decide");
	});

	// The supervisor approves: the certificate is issued.
	await step(supervisor, "supervisor-approves", async (shot) => {
		await menu(supervisor, t("现场审核", "Audits"));
		assert.match(await supervisor.locator("tr", { has: supervisor.locator(`a[href="${s.auditPath}"]`) }).textContent(), t(/已评定/, /Evaluated/));
		await submit(supervisor, `a[href="${s.auditPath}"]`);
		assert.match(await text(supervisor, "#evaluation"), t(/同意推荐四星级/, /four stars recommended/));
		await shot("decide", supervisor.locator("#decide"));
		await submit(supervisor, `#decide button[value=approved]`);
		assert.match(supervisor.url(), /\/certificates\/\d+\?done=issued/);
		s.cert = supervisor.url().replace(/[?#].*$/, "");
		assert.match(await text(supervisor, ".notice-success"), t(/证书已签发/, /The certificate is issued/));
		s.number = (await text(supervisor, "h1")).match(/SC-\d{4}-\d{5}/)?.[0];
		assert.ok(s.number, "a certificate number in the heading");
		assert.match(await supervisor.textContent("h1 .badge"), t(/有效/, /Valid/));
	});

	// The applicant finds the certificate and downloads it.
	await step(applicant, "applicant-downloads-the-certificate", async (shot) => {
		await menu(applicant, t("证书", "Certificates"));
		const row = applicant.locator("tr", { hasText: s.number });
		assert.match(await row.textContent(), new RegExp(`${t("四星级", "Four-star")}[\\s\\S]*${t("有效", "Valid")}`));
		await submit(applicant, `a:text-is("${s.number}")`);
		assert.equal(applicant.url(), s.cert);
		const facts = await text(applicant, ".facts");
		assert.match(facts, new RegExp(orgRe));
		assert.match(facts, new RegExp(who.code));
		assert.match(facts, /GB\/T 27922/);
		assert.match(facts, t(/四星级/, /Four-star/));
		const dates = facts.match(/(\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)/);
		assert.ok(dates, "the validity dates");
		s.issued = dates[1];
		assert.equal(dates[2].slice(0, 4) - dates[1].slice(0, 4), 3, "valid for three years");
		const [download] = await Promise.all([applicant.waitForEvent("download"),
			applicant.click(`a:text-is("${t("下载证书 PDF", "Download the PDF")}")`)]);
		const pdf = readFileSync(await download.path());
		assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
		assert.ok(pdf.length > 20000 && pdf.length < 5e6, `a PDF of ${pdf.length} bytes`);
		assert.match(download.suggestedFilename(), /\.pdf$/);
		writeFileSync(`${FILES}/${lang}-certificate.pdf`, pdf);
		// poppler-utils comes with make test's packages (scripts/deps.sh).
		const words = execFileSync("pdftotext", [`${FILES}/${lang}-certificate.pdf`, "-"],
		    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
		assert.match(words, new RegExp(s.number));
		assert.match(words, new RegExp(orgRe));
		s.verifyUrl = await applicant.getAttribute(`a:text-is("${t("验证", "verify")}")`, "href");
		await shot("facts", applicant.locator("main section.panel").first());
	});

	// A stranger finds it in the public register and verifies it.
	const stranger = await person();
	await step(stranger, "stranger-finds-it-in-the-register", async (shot) => {
		await speak(stranger, lang);
		assert.equal(await stranger.locator("header .user-name").count(), 0, "not signed in");
		await menu(stranger, t("证书查询", "Certificate register"));
		assert.equal(await text(stranger, "h1"), t("证书查询", "Certificate register"));
		await stranger.fill("#q", who.part);
		await submit(stranger, "form[role=search] button[type=submit]");
		const row = stranger.locator("table.register tbody tr", { hasText: s.number });
		assert.match(await row.textContent(), new RegExp(`${orgRe}[\\s\\S]*${t("四星级", "Four-star")}[\\s\\S]*${s.issued}[\\s\\S]*${t("有效", "Valid")}`));
		assert.doesNotMatch(await text(stranger), new RegExp(who.applicant[1]), "no contact details in public");
		if (zh)
			await atPhoneWidth(stranger, () => shot("phone"));
	});

	await step(stranger, "stranger-verifies-it", async (shot) => {
		await submit(stranger, `table.register a:text-is("${s.number}")`);
		assert.match(stranger.url(), new RegExp(`/verify/${s.number}$`));
		assert.equal(await text(stranger, "h1"), t("证书验证", "Certificate verification"));
		assert.match(await text(stranger, ".verify-status"), t(/有效/, /Valid/));
		assert.match(await text(stranger, ".facts"), new RegExp(`${s.number}[\\s\\S]*${orgRe}[\\s\\S]*${who.code}[\\s\\S]*${s.issued}`));
		// The QR code's link, signed: genuine and current.
		await stranger.goto(new URL(s.verifyUrl, BASE).href);
		assert.match(await text(stranger, ".notice-success"), t(/二维码签名真实有效/, /The QR signature is genuine/));
		await shot("qr", stranger.locator("main"));
	});
	await stranger.context().close();

	// A year later the daily run opens the first surveillance.
	await step(applicant, "a-year-later-surveillance-opens", async (shot) => {
		const today = yearAfter(s.issued);
		const out = await ctl(["tick", "--today", today]);
		assert.match(out, new RegExp(`tick ${today}: \\d+ expired, [1-9]\\d* surveillance opened`));
		await applicant.goto(s.cert);
		const cases = await text(applicant, "#surveillance");
		assert.match(cases, new RegExp(`${t("第一次监督审核", "First surveillance")} · ${t("到期", "due")} ${today}\\s*${t("待审核", "Open")}`));
		assert.match(await text(applicant, "#history"), new RegExp(`${today}[\\s\\S]*${t("开启监督审核", "Surveillance opened")}[\\s\\S]*${t("每日任务", "Daily run")}`));
		assert.match(await applicant.textContent("h1 .badge"), t(/有效/, /Valid/));
		await shot("surveillance", applicant.locator("#surveillance"));
		// The supervisor is offered to plan it.
		await supervisor.goto(s.cert);
		assert.equal(await supervisor.locator(`#surveillance a:text-is("${t("安排监督审核", "Plan the surveillance audit")}")`).count(), 1);
	});
	await applicant.context().close();
}

await Promise.all(Object.values(STAFF).filter((p) => p[2]).map((p) => addStaff(p[1], p[0], p[2], STAFF_PASSWORD)));
for (const lang of LANGS)
	await journey(lang);
await browser.close();
rmSync(FILES, { recursive: true, force: true });
const secs = (ms) => (ms / 1000).toFixed(1);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped in ${secs(Date.now() - started)} s ` +
	`(steps ${secs(inSteps)} s, their screenshots ${secs(inShots)} s, the rest ${secs(Date.now() - started - inSteps - inShots)} s)`);
process.exit(failed === 0 && skipped === 0 ? 0 : 1);
