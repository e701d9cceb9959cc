"""A deterministic, realistic corpus of marketplace chat messages for the speed benchmarks.

What it builds (seeded `random.Random`, so the same arguments always give the same corpus):

- about 90% benign freelance work talk, 20-400 characters: scoping, prices, dates, times, versions,
  file paths, code snippets, GitHub links, feedback, scheduling; one to four sentences drawn from 70+
  hand-written templates whose slots are filled from lists;
- part of the benign share comes from the `ham` messages of the UCI SMS Spam Collection
  (`../shared/datasets/sms_spam/SMSSpamCollection`, read-only, `label<TAB>text`), as a second,
  human-written benign source; if the file is missing, a clear message is printed and templates are used;
- about 10% positives: contact details or off-platform payment talk from 35+ templates, many disguised
  ("jdoe at gmail dot com", "four one five ...", "Wh@tsapp", zero-width characters, fullwidth digits,
  Cyrillic look-alikes, wallet addresses), sometimes buried inside benign sentences.

This is a speed corpus, not a labelled evaluation set: `positive` says which template family a message
came from, and a few SMS ham lines do contain phone numbers. Use `eval/*.jsonl` to measure accuracy.

    from corpus import build_corpus
    samples = build_corpus(50_000)             # list[Sample]
    python bench/corpus.py --n 20 --show 20    # print a sample
    python bench/corpus.py --n 50000 --jsonl /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from marketguard.datasets import dataset_file

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
HAM_PATH = dataset_file("sms_spam", "SMSSpamCollection").resolve()

MIN_LEN = 20
MAX_LEN = 400
DEFAULT_SEED = 20241126


@dataclass(frozen=True, slots=True)
class Sample:
    """One corpus message. `source` is `template`, `sms_ham` or `positive`."""

    id: str
    text: str
    positive: bool
    source: str
    phase: str
    conversation_id: str
    sender_id: str

    def record(self, conversation: bool = False) -> dict[str, Any]:
        """The JSON Lines record for `marketguard scan`."""
        out: dict[str, Any] = {"id": self.id, "text": self.text, "context": {"phase": self.phase}}
        if conversation:
            out["conversation_id"] = self.conversation_id
            out["sender_id"] = self.sender_id
        return out


# ---------------------------------------------------------------------------------------------------------
# slot values

NAMES = ["Anna", "Ben", "Carlos", "Dmitri", "Elena", "Fatima", "George", "Hiro", "Ines", "Jonas", "Kemi",
         "Lucia", "Mateo", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Sam", "Tomasz", "Uma", "Viktor",
         "Wen", "Yusuf", "Zoe"]
TECH = ["React", "Vue", "Angular", "Django", "Flask", "FastAPI", "Laravel", "Rails", "Next.js", "Svelte",
        "Flutter", "Kotlin", "SwiftUI", "WordPress", "Shopify", "Webflow", "Figma", "Unity", "Node",
        "PostgreSQL", "MongoDB", "Terraform", "Kubernetes", "Tailwind", "Elementor", "WooCommerce"]
TASKS = ["landing page", "checkout flow", "logo", "onboarding screens", "API integration", "admin dashboard",
         "data pipeline", "blog migration", "product photos", "explainer video", "pitch deck", "SEO audit",
         "newsletter template", "mobile app", "scraper", "unit tests", "CI pipeline", "brand guide",
         "translation", "podcast edit", "3D model", "email campaign copy", "invoice generator",
         "chatbot flow"]
FILES = ["src/components/Header.tsx", "settings.py", "docker-compose.yml", "app/models/user.rb",
         "styles/main.scss", "README.md", "package.json", "lib/api/client.dart", "infra/main.tf",
         "pages/index.vue", "requirements.txt", "assets/hero@2x.png", "tests/test_checkout.py"]
ORGS = ["acme-labs", "brightpixel", "octo-tools", "northwind", "datamill", "tinyshop", "lumen-io", "kestrel"]
PROJECTS = ["storefront", "api-server", "design-system", "etl-jobs", "mobile-client", "landing", "cms",
            "analytics", "booking-app", "docs"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
TIMEZONES = ["CET", "UTC", "EST", "PST", "IST", "GMT+2", "BST"]
CODE = [
    "`npm install && npm run build`",
    "`git rebase -i HEAD~3`",
    "`pip install -r requirements.txt`",
    "`SELECT id, email FROM users WHERE created_at > '2024-01-01';`",
    "`docker compose up -d --build`",
    "```python\nfor row in rows:\n    print(row['id'], row['total'])\n```",
    "```js\nconst total = items.reduce((a, b) => a + b.price, 0);\n```",
    "`curl -s https://api.example.com/v1/orders?limit=50`",
    "`ssh deploy@10.0.4.12 'sudo systemctl restart app'`",
    "`git config user.email you@example.com`",
    "```css\n.hero { padding: 48px 24px; font-size: 1.25rem; }\n```",
    "`kubectl get pods -n staging`",
    "`@app.route('/api/v2/items', methods=['POST'])`",
    "`python manage.py migrate --fake-initial`",
]
ERRORS = ["TypeError: Cannot read properties of undefined (reading 'map')", "502 Bad Gateway",
          "ModuleNotFoundError: No module named 'stripe'", "CORS policy: No 'Access-Control-Allow-Origin'",
          "Segmentation fault (core dumped)", "ERR_CONNECTION_REFUSED on port 3000",
          "HTTP 429 Too Many Requests"]
PORTFOLIO = ["behance.net/{n}design", "dribbble.com/{n}studio", "artstation.com/{n}art", "codepen.io/{n}dev"]
FEEDBACK = ["looks great", "feels a bit crowded", "is almost there", "works on desktop but not on Safari iOS",
            "needs more contrast", "is exactly what we wanted", "loads slowly on 3G"]

USERS = ["jdoe", "maria.k", "alex_dev", "sam.writer88", "lena.design", "tom_b", "nina.codes", "raj.patel",
         "kofi.art", "ivan_3d", "paula.m", "chris.edits"]
PROVIDERS = ["gmail", "yahoo", "outlook", "hotmail", "proton", "icloud", "gmx"]
SITES = ["alexdesigns.com", "mariakphoto.net", "ninacodes.dev", "studio-kofi.co.uk", "rajbuilds.io",
         "paulamendes.com.br"]
APPS = ["WhatsApp", "Telegram", "Signal", "Skype", "Discord", "Viber", "WeChat", "Instagram"]
APP_DISGUISES = {
    "WhatsApp": ["Wh@tsapp", "whatsap", "W.h.a.t.s.A.p.p", "wh4ts4pp", "whats app", "WA", "w/app", "watsapp",
                 "ωhatsapp"],
    "Telegram": ["teIegram", "tele gram", "T3legram", "tg", "telegrm", "t.e.l.e.g.r.a.m", "тelegram"],
    "Signal": ["S1gnal", "signa1", "the blue chat app (Signal)", "s i g n a l"],
    "Skype": ["Skyp3", "sky pe", "skpe"],
    "Discord": ["disc0rd", "D1scord", "dizcord"],
    "Viber": ["V1ber", "vybr"],
    "WeChat": ["we-chat", "W3chat"],
    "Instagram": ["insta", "IG", "1nstagram", "the gram"],
}
RAILS = ["PayPal", "Wise", "Payoneer", "Venmo", "Zelle", "Cash App", "Revolut", "Western Union", "Skrill",
         "bank transfer", "a SEPA transfer", "Pix"]
RAIL_DISGUISES = ["P@yPal", "pay pal", "paypa1", "p-p", "PP", "W1se", "venm0", "zel le", "Reνolut",
                  "p4yoneer"]
IBANS = ["DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19", "FR14 2004 1010 0505 0001 3M02 606"]
HANDLES = ["@alex_designs", "@mariak_photo", "@nina.codes", "@kofi_art", "@ivan3d", "@sam_writes"]

DIGIT_WORD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
FULLWIDTH = {str(i): chr(0xFF10 + i) for i in range(10)}
ZERO_WIDTH = ["\u200b", "\u200c", "\u2060"]
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"}


# ---------------------------------------------------------------------------------------------------------
# slot makers

Maker = Callable[[random.Random], str]


def _price(r: random.Random) -> str:
    amount = r.choice([35, 50, 80, 120, 150, 250, 300, 450, 600, 900, 1200, 1500, 2400, 5000])
    return r.choice([f"${amount}", f"€{amount:,}", f"£{amount}", f"USD {amount}", f"{amount} EUR",
                     f"${amount // 10 or 5}/h", f"${amount}.00", f"{amount:,} dollars"])


def _date(r: random.Random) -> str:
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2024, 2025])
    return r.choice([f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}", f"{d}.{m:02d}.{y}", f"{MONTHS[m - 1]} {d}",
                     f"{r.choice(DAYS)} the {d}th", f"next {r.choice(DAYS)}", f"{d} {MONTHS[m - 1]} {y}"])


def _time(r: random.Random) -> str:
    h, mi = r.randint(7, 21), r.choice([0, 15, 30, 45])
    return r.choice([f"{h}:{mi:02d}", f"{h % 12 or 12}{'am' if h < 12 else 'pm'}",
                     f"{h}:{mi:02d} {r.choice(TIMEZONES)}", f"{h % 12 or 12}:{mi:02d} pm", f"{h}h{mi:02d}"])


def _version(r: random.Random) -> str:
    a, b, c = r.randint(0, 20), r.randint(0, 30), r.randint(0, 12)
    return r.choice([f"v{a}.{b}.{c}", f"{a}.{b}.{c}", f"{r.choice(TECH)} {a}.{b}",
                     f"{a}.{b}.{c}-rc.{r.randint(1, 4)}", f"build {r.randint(1000, 99999)}",
                     f"iOS {r.randint(15, 18)}.{r.randint(0, 6)}"])


def _repo(r: random.Random) -> str:
    org, proj = r.choice(ORGS), r.choice(PROJECTS)
    return r.choice([f"https://github.com/{org}/{proj}", f"github.com/{org}/{proj}/pull/{r.randint(2, 900)}",
                     f"https://github.com/{org}/{proj}/issues/{r.randint(2, 900)}",
                     f"https://github.com/{org}/{proj}/blob/main/{r.choice(FILES)}",
                     f"https://gitlab.com/{org}/{proj}/-/merge_requests/{r.randint(2, 300)}"])


def _us_number(r: random.Random) -> list[int]:
    area = r.choice([212, 305, 312, 415, 512, 617, 646, 702, 718, 917])
    return [int(c) for c in f"{area}555{r.randint(100, 199):04d}"]


def _uk_number(r: random.Random) -> list[int]:
    return [int(c) for c in f"07700900{r.randint(0, 999):03d}"]


def _digits(r: random.Random) -> list[int]:
    return _us_number(r) if r.random() < 0.6 else _uk_number(r)


def _phone_plain(r: random.Random) -> str:
    d = "".join(map(str, _digits(r)))
    if len(d) == 10:
        return r.choice([f"({d[:3]}) {d[3:6]}-{d[6:]}", f"+1 {d[:3]} {d[3:6]} {d[6:]}",
                         f"{d[:3]}-{d[3:6]}-{d[6:]}", f"{d[:3]}.{d[3:6]}.{d[6:]}"])
    return r.choice([f"{d[:5]} {d[5:]}", f"+44 {d[1:5]} {d[5:]}", d])


def _phone_spelled(r: random.Random) -> str:
    return " ".join(DIGIT_WORD[x] for x in _digits(r))


def _phone_mixed(r: random.Random) -> str:
    return " ".join(DIGIT_WORD[x] if r.random() < 0.5 else str(x) for x in _digits(r))


def _phone_spaced(r: random.Random) -> str:
    sep = r.choice([" ", " - ", ". ", " . ", "  "])
    return sep.join(map(str, _digits(r)))


def _phone_fullwidth(r: random.Random) -> str:
    return "".join(FULLWIDTH[str(x)] for x in _digits(r))


def _phone_zero_width(r: random.Random) -> str:
    return r.choice(ZERO_WIDTH).join(map(str, _digits(r)))


def _phone_keycaps(r: random.Random) -> str:
    return "".join(f"{x}\ufe0f\u20e3" for x in _digits(r))


def _email(r: random.Random) -> str:
    return f"{r.choice(USERS)}@{r.choice(PROVIDERS)}.com"


def _email_at_dot(r: random.Random) -> str:
    u, p = r.choice(USERS).replace(".", " dot "), r.choice(PROVIDERS)
    return r.choice([f"{u} at {p} dot com", f"{u} [at] {p} [dot] com", f"{u}(at){p}(dot)com",
                     f"{u} AT {p} DOT com", f"{u} @ {p} . com", f"{u} at {p}"])


def _email_zero_width(r: random.Random) -> str:
    zw = r.choice(ZERO_WIDTH)
    return zw.join(_email(r))


def _homoglyph(word: str) -> str:
    return "".join(CYRILLIC.get(c, c) for c in word)


def _app(r: random.Random) -> str:
    return r.choice(APPS)


def _app_disguised(r: random.Random) -> str:
    return r.choice(APP_DISGUISES[r.choice(APPS)])


def _eth(r: random.Random) -> str:
    return "0x" + "".join(r.choice("0123456789abcdef") for _ in range(40))


def _btc(r: random.Random) -> str:
    alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    return "bc1q" + "".join(r.choice(alphabet) for _ in range(38))


MAKERS: dict[str, Maker] = {
    "name": lambda r: r.choice(NAMES),
    "name2": lambda r: r.choice(NAMES),
    "tech": lambda r: r.choice(TECH),
    "tech2": lambda r: r.choice(TECH),
    "task": lambda r: r.choice(TASKS),
    "file": lambda r: r.choice(FILES),
    "day": lambda r: r.choice(DAYS),
    "price": _price,
    "price2": _price,
    "date": _date,
    "time": _time,
    "version": _version,
    "repo": _repo,
    "code": lambda r: r.choice(CODE),
    "error": lambda r: r.choice(ERRORS),
    "feedback": lambda r: r.choice(FEEDBACK),
    "portfolio": lambda r: r.choice(PORTFOLIO).format(n=r.choice(USERS).split(".")[0].split("_")[0]),
    "n": lambda r: str(r.randint(2, 12)),
    "hours": lambda r: str(r.randint(2, 60)),
    "days": lambda r: str(r.randint(2, 21)),
    "pct": lambda r: str(r.randint(5, 95)),
    "order": lambda r: f"#{r.randint(10000, 9999999)}",
    "ticket": lambda r: f"{r.choice(['JIRA', 'PROJ', 'WEB', 'APP'])}-{r.randint(10, 4999)}",
    "size": lambda r: r.choice(["1920x1080", "1080x1350", "300 dpi", "12 MB", "4K", "A4", "2560x1440"]),
    "ip": lambda r: f"192.168.{r.randint(0, 20)}.{r.randint(2, 250)}",
    "email": _email,
    "email_at_dot": _email_at_dot,
    "email_zw": _email_zero_width,
    "phone": _phone_plain,
    "phone_spelled": _phone_spelled,
    "phone_mixed": _phone_mixed,
    "phone_spaced": _phone_spaced,
    "phone_fullwidth": _phone_fullwidth,
    "phone_zw": _phone_zero_width,
    "phone_keycaps": _phone_keycaps,
    "app": _app,
    "app_disguised": _app_disguised,
    "app_homoglyph": lambda r: _homoglyph(r.choice(["whatsapp", "telegram", "signal", "skype"])),
    "handle": lambda r: r.choice(HANDLES),
    "site": lambda r: r.choice(SITES),
    "rail": lambda r: r.choice(RAILS),
    "rail_disguised": lambda r: r.choice(RAIL_DISGUISES),
    "iban": lambda r: r.choice(IBANS),
    "eth": _eth,
    "btc": _btc,
    "user": lambda r: r.choice(USERS),
    "phone_digits": lambda r: "".join(map(str, _us_number(r))),
    "provider": lambda r: r.choice(PROVIDERS),
}

# ---------------------------------------------------------------------------------------------------------
# templates

BENIGN_TEMPLATES: tuple[str, ...] = (
    "Hi {name}, thanks for the invite! I've built {n} similar {task}s in {tech} and can start {date}.",
    "My quote for the {task} is {price}, including two rounds of revisions.",
    "I pushed the fix to {repo}, can you pull and check?",
    "The build fails on {version} with {error}, looking into it now.",
    "Can we move our call to {time} on {day}? Something came up.",
    "Sounds good. I'll have the first draft of the {task} ready by {date}.",
    "I estimate around {hours} hours for this, so roughly {price} in total.",
    "Attached the revised mockups, {size}, let me know if the header {feedback}.",
    "Quick update: the {task} is about {pct}% done, the rest should land by {day}.",
    "Could you share access to the staging server? I only need read access for now.",
    "I noticed {file} still imports the old client, I'll refactor it in the same PR.",
    "Run {code} and then restart the dev server, that should clear the cache.",
    "Milestone 2 is submitted, please review when you have a moment.",
    "We're on {tech} {version} right now, upgrading would take maybe {days} days.",
    "I'm available {day} to {day}, {time} to {time} my time.",
    "Thanks {name}! Really happy with how the {task} turned out.",
    "Here's the PR: {repo} - it touches {file} and the tests.",
    "Please check the order {order} in the admin, it shows a duplicate charge in the logs.",
    "The client wants the {task} in {tech}, not {tech2}; is that fine with you?",
    "Sorry for the delay, I was travelling. Back at my desk now.",
    "I can do {price} for the whole thing if we keep the scope as discussed.",
    "The logo files are exported as SVG and PNG at {size}.",
    "The deadline is {date} at {time}, we can't move it because of the launch.",
    "Ticket {ticket} is done, {ticket} is blocked on the API keys.",
    "Tests pass locally but CI times out after {n} minutes, I'll split the suite.",
    "Can you confirm the colors? The brand guide says #1E90FF but the site uses #1C86EE.",
    "Let's use the platform's video call for the kickoff, {day} at {time} works for me.",
    "Payment for milestone {n} was released, thank you!",
    "I'll record a short Loom-style walkthrough and upload it here with the files.",
    "Here is my portfolio: {portfolio}, the third project is the closest to yours.",
    "Does the {task} need to support dark mode as well?",
    "The server at {ip} keeps returning {error}, can you check the firewall?",
    "Yes, {price2} per extra revision after the first two.",
    "I reviewed {repo}, the structure is clean, I'd only add caching.",
    "Could you send the copy for the {task} as a Google Doc or just paste it here?",
    "The conversion rate went from {pct}% to {pct}% after the redesign, nice.",
    "Deployed {version} to staging. Changelog is in the README.",
    "I'll need about {days} days for the {task} and {days} more for QA.",
    "Let me know if you want the source files too, they're about {size}.",
    "For the hero image I'd go with {size}, anything bigger slows the page.",
    "Happy to help! Which {tech} version is the project on?",
    "We agreed {price} for milestone {n}, I'll submit the work here when it's done.",
    "I'm not sure I understand the last point, could you explain what you mean by sync?",
    "My rate is {price}, but for a long-term project I can offer a discount.",
    "I fixed the layout bug on iPhone SE, it was a flexbox issue in {file}.",
    "I'll be offline on {date} for a public holiday, back on {day}.",
    "The invoice for {order} should come from the platform, right?",
    "Good morning {name}, did you get a chance to look at the {task}?",
    "I wrote {n} unit tests for the checkout, coverage is now {pct}%.",
    "Not a problem, I'll wait for the final copy before I continue.",
    "The API returns 200 but the body is empty, maybe a missing header?",
    "Let's keep everything on this platform so the milestones stay protected.",
    "I can jump on a quick call here on the platform at {time}.",
    "Attached: wireframes v{n}, the checkout now takes {n} steps instead of 5.",
    "Here's a snippet that reproduces it: {code}",
    "Translation of the {n} pages is finished, I kept the glossary terms as agreed.",
    "Your brief says {pct}% of users are on mobile, so I'll design mobile-first.",
    "I'd rather not use {tech} for this, {tech2} fits the team's skills better.",
    "The podcast episode is cut to {n}:{hours} minutes, noise reduction applied.",
    "Can you upload the brand assets here? The ZIP link from last week expired.",
    "Data import done: {n}0,000 rows, {n} failed validation, list attached.",
    "I'll send the final files and close the milestone by {date}.",
    "Ok, starting now. I'll post progress here every {day}.",
    "Your site loads in {n}.{n} s on mobile, we can get it under 2 s with lazy loading.",
    "Re: {ticket} - the regex for the postcode field was too strict, fixed in {version}.",
    "Room for one more project this month, the {task} sounds fun.",
    "The Stripe webhook fires twice; I'll make the handler idempotent.",
    "Which fonts are licensed for the web? I only have the desktop versions.",
    "The animation runs at 60 fps now, I removed the heavy box-shadow.",
    "Shall I also write the alt texts for the {n} product images?",
    "Your feedback is super clear, thanks. Implementing it today.",
    "Just checking in, no rush. I know it's a busy week for you.",
    "I tested it on Chrome {version} and Firefox, both fine.",
    "The contract says {days} days, I think we can finish earlier.",
    "Please don't share the API key in chat, add it to the staging env instead.",
)

POSITIVE_TEMPLATES: tuple[str, ...] = (
    "Email me at {email} and I'll send the full portfolio.",
    "my email is {email_at_dot}, write me there",
    "you can reach me on {email_at_dot} anytime",
    "Contact: {email_zw}",
    "call me at {phone}, easier to explain by voice",
    "my number is {phone_spelled}",
    "text me {phone_mixed} on {app}",
    "{phone_spaced} that's my cell",
    "ping me {phone_fullwidth}",
    "here: {phone_zw}",
    "number {phone_keycaps} 😊",
    "add me on {app_disguised}, same number: {phone_spaced}",
    "let's continue on {app_disguised}, it's faster",
    "message me on {app_homoglyph} please",
    "can we talk on {app}? my handle is {handle}",
    "find me on {app} {handle}",
    "what's your {app} or email? easier to coordinate outside",
    "give me your number and I'll {app_disguised} you the details",
    "check my site {site}, contact form is there",
    "full portfolio + contact on {site}",
    "google my name plus 'designer', my studio page has my number",
    "my IG matches my username here, DM me there",
    "Pay me via {rail} and we both skip the fee",
    "I prefer {rail_disguised}, it's cheaper than the platform",
    "send the rest by {rail}, my account is {email}",
    "my IBAN is {iban}, just wire it",
    "pay in USDT to {eth} and I'll start today",
    "BTC works too: {btc}",
    "let's close the contract here and continue outside, I'll invoice you directly",
    "accept the $5 offer here and settle the real price on {rail}",
    "first milestone here, the rest outside so we avoid the 20% cut",
    "{user} at {provider} dot com - send the brief there",
    "I'm on {app_disguised} as {user}, add me",
    "whatsapp/telegram: {phone}",
    "my skype is live:{user}, call me",
    "join my meeting: meet.google.com/abc-defg-hij",
    "t.me/{user} for quick questions",
    "wa.me/1{phone_digits}",
    "Email: {email}. Phone: {phone}.",
    "I'll {rail_disguised} you half upfront, send me your {provider} email",
)

# ---------------------------------------------------------------------------------------------------------
# building


_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, r: random.Random) -> str:
    """Fill each `{slot}` of the template (inserted values are not scanned again)."""
    return _SLOT.sub(lambda m: MAKERS[m.group(1)](r), template)


def _clip(text: str) -> str:
    """Cut at a word boundary to at most MAX_LEN characters; never below MIN_LEN."""
    if len(text) <= MAX_LEN:
        return text
    cut = text.rfind(" ", MIN_LEN, MAX_LEN)
    return text[: cut if cut > 0 else MAX_LEN]


def _benign(r: random.Random) -> str:
    k = r.choices((1, 2, 3, 4), weights=(50, 30, 15, 5))[0]
    text = " ".join(_fill(r.choice(BENIGN_TEMPLATES), r) for _ in range(k))
    while len(text) < MIN_LEN:
        text += " " + _fill(r.choice(BENIGN_TEMPLATES), r)
    return _clip(text)


def _positive(r: random.Random) -> str:
    core = _fill(r.choice(POSITIVE_TEMPLATES), r)
    roll = r.random()
    if roll < 0.25:
        core = _fill(r.choice(BENIGN_TEMPLATES), r) + " " + core
    elif roll < 0.45:
        core = core + " " + _fill(r.choice(BENIGN_TEMPLATES), r)
    elif roll < 0.55:
        core = _fill(r.choice(BENIGN_TEMPLATES), r) + " " + core + " " + _fill(r.choice(BENIGN_TEMPLATES), r)
    if len(core) > MAX_LEN:  # keep the positive part whole: drop the padding instead
        core = _fill(r.choice(POSITIVE_TEMPLATES), r)
    if len(core) < MIN_LEN:
        core = f"{core} {_fill('Just checking in, no rush.', r)}"
    return core


def load_ham(path: Path = HAM_PATH, quiet: bool = False) -> list[str]:
    """The `ham` texts of the SMS Spam Collection, or [] (with a message on stderr) if the file is missing."""
    if not path.is_file():
        if not quiet:
            print(f"note: SMS ham source not found at {path} (expected ../shared/datasets/sms_spam/"
                  "SMSSpamCollection relative to the repo); the corpus uses templates only", file=sys.stderr)
        return []
    out: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            label, _, text = line.rstrip("\n").partition("\t")
            text = text.strip()
            if label == "ham" and MIN_LEN <= len(text) <= MAX_LEN:
                out.append(text)
    return out


def build_corpus(n: int = 50_000, seed: int = DEFAULT_SEED, positive_share: float = 0.10,
                 ham_share: float = 0.20, ham: Sequence[str] | None = None) -> list[Sample]:
    """`n` messages: `positive_share` positives; of the benign ones, `ham_share` come from SMS ham.

    `ham=None` loads the SMS collection from its usual place; pass [] to use templates only.
    Messages are grouped in conversations of 2-12 messages between two senders, with phases mostly
    pre-contract; the ids are `m000001`, ... in corpus order.
    """
    r = random.Random(seed)
    ham_texts = list(load_ham() if ham is None else ham)
    n_pos = round(n * positive_share)
    kinds = ["positive"] * n_pos + ["benign"] * (n - n_pos)
    r.shuffle(kinds)
    samples: list[Sample] = []
    conv, left, phase, turn = 0, 0, "pre_contract", 0
    for i, kind in enumerate(kinds, start=1):
        if left == 0:
            conv += 1
            left = r.randint(2, 12)
            phase = r.choices(("pre_contract", "active_contract", "ended"), weights=(70, 25, 5))[0]
            turn = 0
        left -= 1
        turn += 1
        if kind == "positive":
            text, source = _positive(r), "positive"
        elif ham_texts and r.random() < ham_share:
            text, source = r.choice(ham_texts), "sms_ham"
        else:
            text, source = _benign(r), "template"
        samples.append(Sample(id=f"m{i:06d}", text=text, positive=kind == "positive", source=source,
                              phase=phase, conversation_id=f"c{conv:05d}",
                              sender_id=f"u{conv:05d}{'ab'[turn % 2]}"))
    return samples


def write_jsonl(samples: Sequence[Sample], path: Path, conversation: bool = False) -> None:
    with path.open("wb") as fh:
        for s in samples:
            fh.write(orjson.dumps(s.record(conversation)) + b"\n")


def describe(samples: Sequence[Sample]) -> str:
    total = len(samples) or 1
    lengths = sorted(len(s.text) for s in samples) or [0]
    by_source: dict[str, int] = {}
    for s in samples:
        by_source[s.source] = by_source.get(s.source, 0) + 1
    parts = ", ".join(f"{k} {v} ({100 * v / total:.1f}%)" for k, v in sorted(by_source.items()))
    return (f"{len(samples)} messages: {parts}; length min/median/mean/max "
            f"{lengths[0]}/{lengths[len(lengths) // 2]}/{sum(lengths) / total:.0f}/{lengths[-1]} chars")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=50_000, help="corpus size")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--show", type=int, default=0, help="print this many messages")
    ap.add_argument("--positives", action="store_true", help="with --show, print positives only")
    ap.add_argument("--jsonl", type=Path, help="write the corpus as JSON Lines here")
    ap.add_argument("--conversation", action="store_true", help="with --jsonl, add conversation/sender ids")
    args = ap.parse_args()
    samples = build_corpus(args.n, seed=args.seed)
    print(f"benign templates: {len(BENIGN_TEMPLATES)}, positive templates: {len(POSITIVE_TEMPLATES)}")
    print(describe(samples))
    shown = [s for s in samples if s.positive] if args.positives else samples
    for s in shown[: args.show]:
        print(f"{s.id} [{s.source}] {s.text!r}")
    if args.jsonl:
        write_jsonl(samples, args.jsonl, args.conversation)
        print(f"wrote {args.jsonl}")


if __name__ == "__main__":
    main()
