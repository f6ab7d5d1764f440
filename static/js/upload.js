// upload.js: a progress bar for material uploads. Without JavaScript the
// plain form posts as usual; with it, the same request goes through XHR so
// that its progress can be shown, and the page the server answers is shown.
(function () {
	"use strict";
	document.querySelectorAll("form.upload").forEach(function (form) {
		form.addEventListener("submit", function (event) {
			var input = form.querySelector("input[type=file]");
			var bar = form.querySelector("progress");
			var button = form.querySelector("button");
			if (!input || !input.files.length || !window.FormData)
				return;
			event.preventDefault();
			var xhr = new XMLHttpRequest();
			xhr.open("POST", form.action);
			xhr.upload.addEventListener("progress", function (e) {
				if (e.lengthComputable && bar)
					bar.value = Math.round(100 * e.loaded / e.total);
			});
			xhr.addEventListener("load", function () {
				if (xhr.status < 400 && xhr.responseURL) {
					// Back to the item just uploaded, not the top of a long page.
					var item = form.closest("[id]");
					var url = xhr.responseURL.split("#")[0];
					// The same address with another fragment would only scroll
					// (a second upload lands on ?done=uploaded again): reload.
					if (url === window.location.href.split("#")[0]) {
						if (item)
							window.location.hash = item.id;
						window.location.reload();
						return;
					}
					window.location.assign(item ? url + "#" + item.id : xhr.responseURL);
					return;
				}
				document.open();
				document.write(xhr.responseText);
				document.close();
			});
			xhr.addEventListener("error", function () {
				if (button)
					button.disabled = false;
				if (bar)
					bar.hidden = true;
			});
			if (bar)
				bar.hidden = false;
			if (button)
				button.disabled = true;
			xhr.send(new FormData(form));
		});
	});
})();
