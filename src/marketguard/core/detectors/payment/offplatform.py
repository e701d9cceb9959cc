"""Paying outside the platform: the intent ("skip the fee"), the rail (PayPal, Zelle, USDT), and amounts.

A rail named in work talk is not a payment ("add a PayPal checkout button", "I withdraw to Payoneer"), so
a rail counts only next to a payment verb or an explicit off-platform cue, and never next to development
or withdrawal words. Payoneer, bank transfers and cards need the explicit cue: the platform itself pays
out through them.
"""

from __future__ import annotations

from marketguard.core.detectors.base import DetectorConfig, DetectorInfo, Finding
from marketguard.core.detectors.pattern import PhraseDetector
from marketguard.core.detectors.payment import offplatform_intent
from marketguard.core.detectors.payment import offplatform_langs as langs
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import Document
from marketguard.core.text.prefilter import Pruned
from marketguard.core.text.view import View

_STRONG_RAILS = {
    "paypal": r"p[a@4]y\s?p[a@4][l1]{1,2}|paypal\.me|пейпал",  # "paypall": a letter doubled
    "zelle": r"zelle",
    "cash app": r"c[a4@]\$?sh\s?[a4@]pp|\$cashtag|(?:the\s)?green\s(?:pay|payment|money|cash)\sapp|"
    r"(?:the\s)?(?:app|one)\swith\sthe\s(?:green\s)?dollar\s(?:sign|logo|icon)",
    "venmo": r"venmo|(?:the\s)?blue\s(?:pay|payment|money)\sapp",
    "western union": r"western\s?union|\bwu\b",
    "moneygram": r"money\s?gram",
    "skrill": r"skrill",
    "neteller": r"neteller",
    "revolut": r"revolut",
    "wise": r"transferwise|wize|wise(?=[\s,]{1,3}(?:\w+\s){0,2}(?:account|transfer|acc|details|email|tag))|"
    r"(?:via|by|through|on|to\smy|my|your|prefer|use|in|with|per|par|por)\swise|"
    r"wise(?=\s(?:works|is\s(?:fine|better|easier|cheaper)|or\s|link))|(?<=\sor\s)wise",
    "bank details": r"iban|swift(?:\scode)?|bank\s(?:details|info)|account\snumber|routing\snumber|sort\scode|"
    r"dados\s(?:banc[aá]rios|do\sbanco)|datos\s(?:bancarios|del\sbanco)|coordonn[ée]es\sbancaires|bankverbindung|реквизиты",
    "crypto": r"crypto(?:currency)?|usdt|usdc|tether|btc|bitcoin|eth(?:ereum)?|binance(?:\spay)?|trc-?20|erc-?20|"
    r"bep-?20|metamask|trust\swallet|coinbase|крипт\w*|биткоин",
    "pix": r"(?<!some\s)(?<!any\s)(?<!more\s)(?<!the\s)(?<!those\s)(?<!these\s)(?<!naughty\s)(?<!cute\s)(?<!nice\s)"
    r"(?<!new\s)pix(?!\s(?:of|from)\b)",  # "some pix", "pix of the venue": English for pictures, not the rail
    "bizum": r"bizum",
    "mercado pago": r"mercado\s?pago",
    "upi": r"upi|paytm|phonepe|google\spay|gpay",
    "gcash": r"gcash|paymaya|easypaisa|jazzcash|m-?pesa",
    "webmoney": r"webmoney|perfect\smoney|qiwi|ю-?мани|ю-?money|yoomoney|сбп|сбер\w*|тинькофф\w*|т-банк\w*",
    "card transfer": r"на\sкарту|карт(?:у|ой)\s(?:сбер\w*|тинькофф\w*)|pix\spra\smim",
    "paylib": r"paylib|lydia|twint|swish|vipps|mobilepay|blik(?:a|iem|u)?|mb\s?way",  # "zrobię ci blika"
    "gift card": r"gift\s?cards?",
    **langs.STRONG_RAILS,
}
_WEAK_RAILS = {
    "payoneer": r"pay?on+e+r",  # "payonner", "payoner", "paoneer"
    "bank transfer": r"bank(?:\s(?:transfer|wire|account|deposit|details))?|wire(?:\stransfer)?|direct\s(?:deposit|transfer)|"
    r"sepa|ach|transferencia(?:\sbancaria)?|transfer[eê]ncia(?:\sbanc[aá]ria)?|"
    r"virement(?:\sbancaire)?|(?:bank)?[üu]berweisung|перевод(?:ом)?(?:\sна\sкарту)?|на\sкарту",
    "card": r"(?:debit|credit)\scard|my\scard",
    "cash": r"cash(?!\s?app)",
    **langs.WEAK_RAILS,
}


def _alternation(rails: dict[str, str]) -> Pruned:
    """One branch per rail, named r<i> after its place in `rails`, run with only the rails the text may name."""
    parts = list(rails.values())
    return Pruned(
        parts,
        lambda kept: "|".join(f"(?P<r{i}>(?<!\\w)(?:{parts[i]})(?!\\w))" for i in kept),
    )  # probed bare: widened, "(?<!\w)(?:\bwu" would need two boundary characters, each one consumed


_RAILS_HINT = PLAIN.hint("|".join(f"(?<!\\w)(?:{p})(?!\\w)" for p in (*_STRONG_RAILS.values(), *_WEAK_RAILS.values())))
_STRONG = _alternation(_STRONG_RAILS)
_WEAK = _alternation(_WEAK_RAILS)
_STRONG_NAMES = list(_STRONG_RAILS)
_NEEDS_PAY_WORD = frozenset(
    {"crypto", "gift card", "upi", "pix", "wise", "revolut", "webmoney", "gcash", "bank details", *langs.NEEDS_PAY_WORD}
)
"""Strong rails that are also everyday words or tech topics; the rest (Zelle, Venmo...) only mean paying."""
_WEAK_NAMES = list(_WEAK_RAILS)

_PAY = lazy_compile(
    r"(?<!\w)(?:pay\w*|paid|send\w*|sent|transf\w*|deposit\w*|wire|accept\w*|receiv\w*|settle|money|owe|owed|owing|"
    r"funds?|invoice|remit|reimburse|tip|bonus|price|rate|budget|\$|€|£|usd|eur|my|your|via|through|thru|by|"
    r"pago|pagar|pagamento|pague|paiement|payer|payé|zahl\w*|bezahl\w*|überweis\w*|опла[тч]\w*|пла[тч]\w*|перев\w*|"
    r"скину|кошел\w*|можно|через|pra\smim|para\smim|chave|me|virement|acceptes?|aceptas?|aceitas?|"
    # sending to the other party in es/pt/fr: "te mando pix de metade", "te envío por Bizum", "je te fais un Lydia"
    r"(?:te|le|lhe|vos)\s(?:mand|envi|fa[cçz]|pass|transf|deposit)\w*|"
    rf"{langs.PAY_WORDS})(?!\w)"
    r"|^\s?[:\-]\s?[\w@$+]|\bto\s(?:0x|bc1|t[a-z0-9]{5})"  # "Pix: 41 9...", "USDT to 0x36..": a detail follows
)
_OUTSIDE = lazy_compile(
    r"(?<!\w)(?:direct|directly|outside|off[-\s]?platform|off\s(?:upwork|fiverr|the\s(?:platform|site))|privately|"
    r"personal(?:ly)?|instead|rather\sthan|skip|avoid|no\sfees?|without\s(?:the\s)?fees?|save\s(?:the\s)?fees?|"
    r"pay\s(?:me|you)\s(?:by|via|through|with|on|to|into)|send\s(?:it|the\smoney|payment|money)\s(?:to|via)|"
    r"directamente|directo|direto|diretamente|directement|direkt|напрямую|лично|straight\sto|between\sus|"
    r"payoneer\sto\spayoneer|paypal\sto\spaypal|wise\sto\swise|no\sneed\sfor\s(?:the\s)?(?:platform|upwork|fiverr|site)|"
    r"(?:payer|paie|pag(?:ar|arte|arme|o|a|as|ue|ues|uen|amos)|zahle|zahl|платить|оплачу|плачу|переведу)\s(?:\w+\s){0,3}?"
    rf"(?:par|por|per|via|на|через|mit|pelo|pela|no|en)|"
    # the sender's own account offered as where to pay: "te paso mi cuenta", "te passo minha conta"
    r"(?:te\spaso|te\smando|te\sdoy|aqu[ií]\s(?:va|est[aá]))\smi\s(?:cuenta|cbu|clabe|iban)|"
    rf"(?:te\spasso|te\smando|segue)\s(?:a\s)?minha\sconta|{langs.OUTSIDE_WORDS})(?!\w)"
)
_DETAIL_AFTER = lazy_compile(
    r"\s?[:\-–]?\s?(?:(?:ok(?:ay)?|fine|works|number|no\.|num|n[uú]mero|номер|id|uid|tag|vpa|hai|is|ko|ho|pe|"
    # what the detail is and where it sits: "wise account is under jo@…", "pix no celular +55 …", "chave cpf 123…"
    r"account|acc|e-?mail|mail|under|at|on|no|na|celular|cel|phone|telefone|tel|chave|key|cpf|handle)\s?[?!:,.\-]?\s?){0,3}"
    r"(?:(?:[a-z]{1,7}\s){0,2}[a-z]{1,7}\s?[,:]\s?)?"
    # a number, an address, or a UPI payment address ("name@okaxis": a bank's handle, no dot)
    r"(?:\+?\d[\d\s.\-]{6,}\d|[\w.+\-]+@[a-z0-9\-]+\.[a-z]|[\w.\-]{2,}@[a-z]{2,16}\b)"
)
""""GCash 0917 555 0199", "Zelle jo@x.io", "GCash ok? 0917 …", "Binance Pay ID 4155…", "GCash na lang, 0917 …": a
number or an address right after the rail (a question about the rail, an id word or a few short filler words between
them at most) is where to pay. Read past the end of the clause."""
_VERB_RAILS = frozenset({"paypal", "zelle", "venmo", "cash app", "revolut", "bizum"})
_AS_VERB_LEFT = lazy_compile(
    r"\b(?:i'?ll|i\swill|i\scan|we\scan|let\sme|just|can\s(?:you|u|i|we)|could\s(?:you|u|i|we)|shall\s(?:i|we)|pls|plz|please|"
    r"gonna|i'?d|i\sshall|"
    r"i'?m\sgoing\sto|i'?ll\sjust|then\si'?ll)\s$"
)
_AS_VERB_RIGHT = lazy_compile(r"\s(?:it|you|u|ya|me|us|them|him|her|the\s\w+|[$€£]\s?\d|\d)\b")
"""The rail used as a verb: "I'll Zelle it tonight", "just Venmo me", "can you PayPal me the deposit": paying by it,
whatever work talk ("the extra page") is around."""
_TO_MINE_LEFT = lazy_compile(
    r"\b(?:send|pay|transfer|wire|deposit|put|move)\w*\s(?:[^.!?\n]{0,40}?\s)?(?:to|into)\s(?:my|your|ur)\s(?:own\s|personal\s)?$"
)
_MINE_WORDS = ("my ", "your ", "ur ", "own ", "personal ")
_PLATFORM_PAYOUT = lazy_compile(r"withdr[ae]w\w*|pay(?:s|ing)?\sout|payouts?|earnings|upwork|fiverr|platform")
""""send the remaining $900 to my Payoneer": a rail of the platform's own payouts, named as where the other party is to
pay; "Upwork pays out to my Payoneer" is the platform's payout."""
_ASK_YOURS_LEFT = lazy_compile(
    r"\b(?:what(?:'s|s|\sis)|whats|send\s(?:me\s)?|give\s(?:me\s)?|drop|share|dm\s(?:me\s)?|text\s(?:me\s)?|tell\s(?:me\s)?)"
    r"\s?(?:your|ur|yr)\s$"
)
""""what's your Venmo?", "drop your Cash App": the other party's own account asked for, where the money is to go (not
when work words follow: "what's your PayPal checkout flow")."""
_ADDRESS_AFTER = lazy_compile(r"\s?(?:e-?mail|id|account|address)?\s?(?:is|:|-|–)?\s?[\w.+\-]+@[a-z0-9\-]+\.[a-z]")
""""my payoneer email is v.s@gmail.com": a weak rail with its account's address after it is where to pay."""
_TAKE_BEFORE = lazy_compile(r"\b(?:you|u)\s(?:take|accept)\s(?:payments?\s(?:in|via|by|through|on)\s)?$")
""""do you take USDT?", "can u take payment in pix": the rail is what the other party is asked to be paid with."""
_BENIGN = lazy_compile(
    r"(?<!\w)(?:integrat\w*|checkout|api|sdk|button|plugin|gateway|webhooks?|store|shop|shopify|woocommerce|stripe|"
    r"module|subscriptions?|sandbox|ipn|developer|clones?|clon|clonar|klon\w*|app\sdevelopment|withdraw\w*|cash\s?out|payout\smethod|"
    r"connect(?:ed|ing)?\s(?:to|with)|fintech|dashboard|form|field|page|flow|logo|icon|formular|feld|validat\w*|"
    r"regex|checksum|pr[üu]fziffer|test\s?value|testwert|mask|input|column|schema|pars(?:e|er|es|ing)|uris?|"
    r"scanner|parameters?|librar(?:y|ies)|wallet\sapp|payment\sapp|deep\s?links?|"
    # a rail as the subject of design work: "a Venmo-like split bill feature", "a USDT send screen in Figma"
    r"mock-?ups?|figma|ui|ux|screens?|features?|wireframes?|prototyp\w*|landing|onboarding|-(?:style|like|inspired|type)|"
    r"design|designs|redesign|branding|colou?r\s(?:palette|scheme)|aesthetic|vibe|typography|"
    # a rail in a shop's payment stack, in any language: "integrar PayPal y Redsys en mi tienda", "the Braintree vault"
    r"int[ée]gr\w*|entegr\w*|"
    r"tienda|loja|boutique|negozio|sklep|e-?commerce|prestashop|magento|bigcommerce|opencart|redsys|braintree|adyen|"
    r"mollie|razorpay|square\s(?:pos|checkout)|pasarela|passerelle|staging|vault|(?:card|payment|paypal)\stokens?|"
    r"migrat\w*|refactor\w*|"
    # a rail in the records of a past purchase: "the PayPal receipt from the registrar is in the expenses folder"
    r"receipts?|expenses?|bookkeeping|accounting|for\s(?:your|my|our|the)\srecords|statements?|recibos?|gastos|"
    # a rail as the subject of writing or research: "technical articles about Bitcoin and Ethereum"
    r"articles?|blog\sposts?|whitepapers?|newsletters?|explainers?|tutorials?|ebooks?|niche|market\sanalysis|"
    r"price\s(?:analysis|charts?|predictions?)|trading\s(?:bots?|strateg\w+)|writ(?:ing|er|ers)\sabout|"
    r"comprovantes?|despesas|reçus?|justificatifs?|dépenses|quittung\w*|belege?|ausgaben|квитанц\w*|чеки?|расход\w*|"
    rf"{langs.BENIGN_WORDS})(?!\w)"
)
_AMOUNT = lazy_compile(
    r"[$€£₹₽]\s?\d[\d,.]{0,12}k?|(?<![\w.])\d[\d,.]{0,12}\s?(?:k\s)?(?:usd|usdt|usdc|eur|gbp|dollars?|bucks|euros?|"
    r"reais|rubles?|руб\w*|btc|eth)(?!\w)"
)


class OffPlatformPaymentDetector(PhraseDetector):
    info = DetectorInfo(
        id="payment.offplatform",
        family="payment",
        kinds=("payment.offplatform", "payment.rail", "payment.amount"),
        version="1.0.0",
        description="Intent to pay outside the platform, named payment rails in a payment context, and amounts.",
    )
    phrases = offplatform_intent.INTENT

    def __init__(self, config: DetectorConfig) -> None:
        super().__init__(config)

    def detect(self, doc: Document) -> list[Finding]:
        out = super().detect(doc)
        view = doc.plain
        text = view.text
        if not _RAILS_HINT(doc):
            return self._with_amounts(out, view)
        for pattern, names, strong in ((_STRONG, _STRONG_NAMES, True), (_WEAK, _WEAK_NAMES, False)):
            compiled = pattern.for_text(text)
            for m in compiled.finditer(text) if compiled is not None else ():
                if m.lastgroup is None:
                    continue
                rail = names[int(m.lastgroup[1:])]
                # a rail inside a link ("www.paypal.com/…") is read around the whole link
                link = _link_around(text, m.start(), m.end()) if text[m.start() - 1 : m.start()] in (".", "/") else None
                left = _clause_left(text, link[0] if link else m.start(), 60)
                right = _clause_right(text, link[1] if link else m.end(), 50)
                window = left + " " + right
                if _PAY.search(right) is not None and right[:3].lstrip().startswith((":", "-")):
                    window = right + " " + left
                outside = (
                    _OUTSIDE.search(window) is not None
                    or (
                        rail in _VERB_RAILS
                        and _AS_VERB_RIGHT.match(right) is not None
                        and _AS_VERB_LEFT.search(left) is not None
                    )
                    or (
                        left.endswith(("your ", "ur ", "yr "))
                        and _ASK_YOURS_LEFT.search(left) is not None
                        and _BENIGN.search(right) is None
                    )
                    or (rail == "payoneer" and _ADDRESS_AFTER.match(text, m.end(), m.end() + 40) is not None)
                    or (
                        left.endswith(_MINE_WORDS)  # a string test first: the pattern reads back over the clause
                        and _TO_MINE_LEFT.search(left) is not None
                        and _PLATFORM_PAYOUT.search(window) is None
                    )
                )
                if _BENIGN.search(window) and not outside:
                    continue
                paying = (
                    outside
                    or _PAY.search(window) is not None
                    or _TAKE_BEFORE.search(left) is not None
                    or _DETAIL_AFTER.match(text, m.end(), m.end() + 50) is not None
                )
                if strong and not paying and rail in _NEEDS_PAY_WORD:
                    continue
                if not strong and not outside:
                    continue
                start, end = view.span(m.start(), m.end())
                score = 0.9 if outside else 0.8 if paying else 0.65
                out.append(
                    Finding(
                        "payment.rail",
                        score,
                        start,
                        end,
                        rail,
                        f"names {rail} as a way to pay{' outside the platform' if outside else ''}",
                        soft=True,
                    )
                )
        return self._with_amounts(out, view)

    @staticmethod
    def _with_amounts(out: list[Finding], view: View) -> list[Finding]:
        """Amounts matter only beside off-platform payment talk: "$800 by PayPal"."""
        if out:
            for m in _AMOUNT.finditer(view.text):
                start, end = view.span(m.start(), m.end())
                out.append(
                    Finding(
                        "payment.amount",
                        0.7,
                        start,
                        end,
                        m.group().strip(),
                        "an amount named in off-platform payment talk",
                        soft=True,
                    )
                )
        return out


def _clause_left(text: str, pos: int, width: int) -> str:
    chunk = text[max(0, pos - width) : pos]
    cut = max(chunk.rfind("."), chunk.rfind("!"), chunk.rfind("?"), chunk.rfind("\n"))
    return chunk[cut + 1 :]


def _clause_right(text: str, pos: int, width: int) -> str:
    chunk = text[pos : pos + width]
    cuts = [i for i in (chunk.find("."), chunk.find("!"), chunk.find("?"), chunk.find("\n")) if i >= 0]
    return chunk[: min(cuts)] if cuts else chunk


def _link_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the link a rail is part of ("https://www.paypal.com/activity/…"), or None. The rail is then read
    with the words around the whole link ("receipt: <link> — add it as an expense"): the link's own dots end no clause."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    if "://" not in text[left:start] and not text.startswith("www.", left):
        return None
    right = len(text)
    for sep in (" ", "\n"):
        k = text.find(sep, end)
        if 0 <= k < right:
            right = k
    return left, right
