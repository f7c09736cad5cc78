"""Browser tests: Debian's Chromium driven by Playwright (a package, so its conftest does not
shadow the tests' own ``conftest`` module)."""
