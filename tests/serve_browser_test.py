#!/usr/bin/env python3
"""`judge serve` in a real browser: Debian's chromium, driven headless by Selenium through
Debian's chromium-driver. It opens the problem list, filters it, opens a problem, types
solutions into the editor and judges them: one that is right (Run: AC), one that is wrong
(Submit: WA, with the first difference), one that does not compile (CE, with the compiler's
line), the reference on an input of my own (AC, with the reference's answer), the right one again (Submit, timed against the reference: AC and its ratio); then the
history, the leaderboard, the list's status and counts, the report and a GPU problem's page. It saves a
screenshot of each page into --screenshots (the README's are made this way).

Usage: serve_browser_test.py --judge build/judge --screenshots DIR
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    sys.exit("serve_browser_test: python3-selenium is not installed (scripts/setup.sh installs it)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WRONG = """class Solution {
public:
    int maximumGap(vector<int>& nums) {
        if (nums.size() < 2) return 0;
        return *max_element(nums.begin(), nums.end()) - *min_element(nums.begin(), nums.end());
    }
};
"""
BROKEN = """class Solution {
public:
    int maximumGap(vector<int>& nums) {
        return gap_so_far;
    }
};
"""


def start_server(judge, store):
    server = subprocess.Popen([judge, "serve", "--port", "0", "--jobs", "2", "--user", "browser",
                               "--store", store], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/\?token=[0-9a-f]+)", line)
    if not match:
        server.kill()
        sys.exit(f"serve_browser_test: judge serve printed no address: {line!r}")
    return server, match.group(1)


def start_browser(profile):
    for tool in ("chromium", "chromedriver"):
        if not shutil.which(tool):
            sys.exit(f"serve_browser_test: {tool} is not installed (scripts/setup.sh installs it)")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1000", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


class Page:
    def __init__(self, browser, screenshots):
        self.browser = browser
        self.screenshots = screenshots
        self.wait = WebDriverWait(browser, 180)

    def find(self, css):
        return self.wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))

    def text_in(self, css, text):
        self.wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
        return self.browser.find_element(By.CSS_SELECTOR, css).text

    def rows(self):
        return [r.get_attribute("data-slug") for r in
                self.browser.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]

    def shot(self, name):
        if self.screenshots:
            self.browser.save_screenshot(os.path.join(self.screenshots, f"serve-{name}.png"))

    def type_solution(self, source):
        """Types into CodeMirror as a person would: focus, select all, type. CodeMirror
        auto-indents typed lines, so each line goes in without its own indentation."""
        self.find(".CodeMirror")
        self.browser.find_element(By.CSS_SELECTOR, ".CodeMirror").click()
        area = self.browser.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
        area.send_keys(webdriver.Keys.CONTROL, "a")
        area.send_keys(webdriver.Keys.DELETE)
        area.send_keys("\n".join(line.strip() for line in source.strip().splitlines()))
        typed = self.browser.execute_script(
            "return document.querySelector('.CodeMirror').CodeMirror.getValue()")
        squash = lambda s: re.sub(r"\s+", "", s)
        # CodeMirror closes no brackets by itself here, so what is typed is what is there.
        if squash(typed) != squash(source):
            raise AssertionError(f"the editor holds {typed!r}")

    def judge(self, button):
        self.browser.find_element(By.ID, button).click()
        return self.wait.until(lambda b: (b.find_element(By.ID, "summary").text or None))


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"ok: {message}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--judge", required=True)
    parser.add_argument("--screenshots", default="")
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    temp = tempfile.mkdtemp(prefix="judge-serve-browser-")
    server, url = start_server(args.judge, os.path.join(temp, "judge.db"))
    browser = None
    try:
        browser = start_browser(os.path.join(temp, "profile"))
        page = Page(browser, args.screenshots)
        browser.get(url)
        page.find("#problems tbody tr")
        slugs = page.rows()
        check("maximum-gap" in slugs and "attention" in slugs, f"the list shows {len(slugs)} problems")
        check("Medium" in page.find("#counts").text, "counts per difficulty: " + page.find("#counts").text)

        Select(browser.find_element(By.ID, "filter-difficulty")).select_by_value("hard")
        hard = page.rows()
        check(hard and "maximum-gap" not in hard and "attention" in hard,
              f"filtering by difficulty hard leaves {hard}")
        Select(browser.find_element(By.ID, "filter-difficulty")).select_by_value("")
        browser.find_element(By.ID, "filter-search").send_keys("gap")
        check(page.rows() == ["maximum-gap"], "searching 'gap' leaves maximum-gap alone")
        browser.find_element(By.LINK_TEXT, "Maximum Gap").click()

        page.find("#statement h1")
        check("largest difference" in page.find("#statement").text, "the statement is rendered")
        check(browser.find_elements(By.CSS_SELECTOR, "#statement pre code.hljs"),
              "its code blocks are highlighted")
        check(browser.find_elements(By.CSS_SELECTOR, "#statement x-equation .katex"),
              "its math is typeset by KaTeX")
        reference = open(os.path.join(ROOT, "solutions/maximum-gap/reference.cpp")).read()
        page.type_solution(reference)
        summary = page.judge("run")
        check(summary.startswith("AC"), f"Run on the reference: {summary}")
        check(len(browser.find_elements(By.CSS_SELECTOR, "#tests .test-row")) == 3,
              "one row per sample")
        page.shot("problem-accepted")

        browser.find_element(By.ID, "use-custom").click()
        custom = browser.find_element(By.ID, "custom-input")
        custom.clear()
        custom.send_keys('{"nums": [1, 10, 4, 20]}')
        summary = page.judge("run")
        expected, received = page.find("#expected").text, page.find("#received").text
        check(summary.startswith("AC") and expected == "10" and received == "10",
              f"Run on my own input: {summary}; the reference says {expected}, mine {received}")
        browser.find_element(By.ID, "use-custom").click()  # back to the samples
        page.wait.until(lambda b: b.find_element(By.ID, "run").is_enabled())

        page.type_solution(WRONG)
        summary = page.judge("submit")
        check(summary.startswith("WA"), f"Submit of a wrong solution: {summary}")
        expected = page.find("#expected").text
        received = page.find("#received").text
        check(expected == "3" and received == "8",
              f"the first difference side by side: expected {expected}, received {received}")
        check("recorded as run" in page.find("#job-status").text, "the submission is recorded")
        page.shot("problem-wrong-answer")
        # Run and Submit answer one at a time: the buttons are back once the judgement is in.
        page.wait.until(lambda b: b.find_element(By.ID, "run").is_enabled())

        page.type_solution(BROKEN)
        summary = page.judge("run")
        check(summary.startswith("CE"), f"Run of code that does not compile: {summary}")
        compiler = page.find("#compile-error").text
        check("gap_so_far" in compiler and "error" in compiler, f"the compiler's line: {compiler}")

        browser.refresh()
        page.find(".CodeMirror")
        kept = browser.execute_script(
            "return document.querySelector('.CodeMirror').CodeMirror.getValue()")
        check("gap_so_far" in kept, "the draft is kept across a reload")

        page.type_solution(reference)
        browser.find_element(By.ID, "bench").click()
        summary = page.judge("submit")
        check(summary.startswith("AC"), f"Submit of the reference: {summary}")
        # Timing refuses to give a figure on a machine too busy to measure (TIMING.md); the run is
        # then recorded untimed, and the leaderboard stays empty.
        timed = page.find("#bench-result").text
        was_timed = re.search(r"Timed: \d+\.\d\d× the reference", timed) is not None
        check(was_timed or timed.startswith("Not timed: "), f"and its timing is reported: {timed}")

        browser.find_element(By.ID, "tab-history").click()
        history = page.text_in("#history", "AC")
        check("WA" in history, "the history lists both submissions")
        page.shot("history")
        browser.find_element(By.ID, "tab-leaderboard").click()
        if was_timed:
            board = page.text_in("#leaderboard", "browser")
            check("cpp" in board, f"the leaderboard ranks the timed run: {board.splitlines()[-1]}")
        else:
            check("No timed" in page.find("#leaderboard-empty").text,
                  "the leaderboard says it has no timed run yet")
        page.shot("leaderboard")

        browser.get(url + "#/")
        solved = page.text_in("#problems tr[data-slug='maximum-gap']", "solved")
        check("Medium 1/7" in page.find("#counts").text, f"the list counts it solved: {solved}")
        page.shot("list")

        browser.get(url + "#/report")
        page.find("#report")
        browser.switch_to.frame(browser.find_element(By.ID, "report"))
        check("Maximum Gap" in page.find("body").text, "the report shows the problem")
        browser.switch_to.default_content()
        page.shot("report")

        browser.get(url + "#/problem/attention")
        note = page.find("#gpu-note").text
        has_gpu = os.path.exists("/dev/nvidiactl")
        check(("no GPU" in note) != has_gpu, f"the GPU problem's page says: {note}")
        shapes = browser.find_elements(By.CSS_SELECTOR, "#gpu-shapes tbody tr")
        check(len(shapes) > 5, f"and lists its {len(shapes)} shapes")
        groups = {row.find_elements(By.TAG_NAME, "td")[0].text for row in shapes}
        check(groups == {"correctness", "benchmark"}, f"in their groups {sorted(groups)}")
        page.shot("gpu-problem")

        browser.switch_to.new_window("tab")  # a tab of its own has no token kept from this one
        browser.get(url.split("?")[0])
        check("No token" in page.find("#error").text, "without the token the page says so")
        print("serve_browser_test: all checks passed")
    finally:
        if browser:
            browser.quit()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main()
