"""Paying outside the platform in the languages beyond the first six: Italian, Polish, Turkish, Indonesian,
Tagalog(-English), Hindi-English (romanised) and Arabic.

Data, not logic: per language, the words of paying directly or outside, of skipping the fee, and of the local rails
("bonifico", "przelew", "havale/EFT", "transfer bank", "GCash na lang", "paise seedha bhej do"). `PHRASES` joins
each language's list into one `Phrase` (`it-pay` … `ar-pay`) of `offplatform.py`'s table; the rail, pay and outside
words are merged into that module's rail tables and windows. A message without any of these words pays nothing:
the phrases sit in the detector's RE2 prefilter set, the rails behind its rail hint.
"""

from __future__ import annotations

from marketguard.core.detectors.pattern import Phrase

PAY_PHRASES: dict[str, tuple[str, ...]] = {
    "it": (
        r"pag(?:are|ami|o|hi|arti|amento|herei|herò|hero)\s(?:\w+\s){0,2}?(?:direttamente|fuori\s(?:dalla\s)?piattaforma|a\sparte|"
        r"in\snero|in\sprivato|per\sconto\smio)",
        r"senza\s(?:la\s|le\s)?commission[ei]",
        r"(?:evit|risparmi|salt)\w*\s(?:\w+\s){0,2}?(?:la\s|le\s)?commission[ei]",
        r"(?:ti|le)\s(?:faccio|mando|invio)\s(?:un\s)?bonifico",
        r"bonifico\s(?:diretto|direttamente|sul\smio\sconto|sul\stuo\sconto)",
    ),
    "pl": (
        r"zapłać\smi|zaplac\smi|zapłacę\sci|zaplace\sci|zapłacę\sbezpośrednio",
        r"przelew(?:em)?\s(?:bezpośrednio|bezposrednio|na\smoje\skonto|na\stwoje\skonto|na\smój|na\smoj|prywatnie)",
        r"bez\s(?:prowizji|opłaty|oplaty)",
        r"(?:omi[nń]\w*|unikn\w*|zaoszczędz\w*|zaoszczedz\w*)\s(?:\w+\s){0,2}?prowizj\w*",
        r"(?:płatność|platnosc|zapłata|zaplata)\s(?:\w+\s)?(?:bezpośrednio|bezposrednio|poza\s(?:platformą|platforma|portalem))",
        r"poza\s(?:platformą|platforma|portalem)\s(?:\w+\s){0,2}?(?:płac|plac|zapła|zapla|przelew)\w*",
    ),
    "tr": (
        r"komisyon(?:u)?\s(?:vermeyelim|ödemeyelim|odemeyelim|olmasin|olmasin|vermek\sistemiyorum|ödemek\sistemiyorum)",
        r"komisyonsuz|komisyondan\s(?:kurtul|kaç|kac)\w*",
        r"(?:site|platform)\s(?:dişindan|disindan|dişinda|disinda)\s(?:\w+\s){0,2}?(?:öde|ode|ödeme|odeme|yap|havale|gönder|gonder)\w*",
        r"(?:ödeme|odeme)\w*\s(?:\w+\s){0,2}?(?:site|platform)\s(?:dişindan|disindan|dişinda|disinda)",
        r"(?:doğrudan|dogrudan|direkt)\s(?:\w+\s)?(?:öde|ode|havale|eft|gönder|gonder)\w*",
        r"(?:havale|eft)\s(?:\w+\s)?(?:yap|at|gönder|gonder|yolla)\w*",
        r"iban(?:ima|ima|a|ina|ina)\s(?:at|gönder|gonder|yolla|havale)\w*",
    ),
    "id": (
        r"bayar\s(?:\w+\s){0,2}?(?:langsung|di\sluar|lewat\s(?:transfer|rekening|dana|ovo|gopay|shopeepay))",
        r"transfer\s(?:aja\s|saja\s)?(?:langsung|ke\srekening\s(?:aku|saya|ku|gue))",
        r"(?:tanpa|hindari|hemat|skip)\s(?:\w+\s)?(?:fee|komisi|potongan|biaya\s(?:admin|platform|layanan))",
        r"di\sluar\s(?:platform|aplikasi|situs)\s(?:\w+\s){0,2}?(?:bayar|transfer|tf)\w*",
        r"tf\s(?:aja|langsung)\s(?:ke|ya)",
    ),
    "tl": (
        r"(?:gcash|maya|paymaya)\s(?:na\s)?lang",
        r"bayad\s(?:\w+\s)?(?:diretso|direkta|sa\slabas)",
        r"(?:diretso|direkta)\s(?:na\s)?(?:bayad|sa\s(?:gcash|akin|account\sko))",
        r"(?:walang|wala\sng|iwas)\s(?:fee|bawas|kaltas|commission)",
    ),
    "hi": (
        r"(?:paise|paisa|payment|amount)\s(?:\w+\s)?(?:seedha|sidha|direct)\s(?:bhej|de|kar|transfer|daal|dal)\w*",
        r"(?:seedha|sidha|direct)\s(?:mere\s|mujhe\s)?(?:account\s(?:me|mein)\s|upi\s(?:pe|par)\s)?(?:paise|payment)?\s?(?:bhej|de\sdo|"
        r"kar\sdo|transfer|daal\sdo)\w*",
        r"platform\s(?:ke\s|se\s)?bahar\s(?:\w+\s){0,2}?(?:pay|payment|paise|paisa)\w*",
        r"(?:commission|fee|charges?)\s(?:\w+\s)?(?:bach\w*|nahi\sdena|nahin\sdena|mat\sdo|kyu\sdena|kyon\sdena|bachao|bachega)",
        r"(?:gpay|phonepe|paytm|upi)\s(?:kar\sdo|kardo|karo|pe\sbhej\w*|par\sbhej\w*)",
    ),
    "ar": (
        r"ادفع\s(?:لي\s|لك\s)?مباشرة|(?:الدفع|ادفعلي|ادفعلك)\s(?:خارج|مباشرة|برا)",
        r"(?:بدون|بلا|من\sغير)\s(?:عمولة|العمولة|رسوم|الرسوم)",
        r"(?:حول|حوّل|حولي|حوللي|ابعتلي\sالفلوس)\s(?:لي\s)?(?:على|ع)\s(?:حسابي|الحساب|رقمي)",
        r"خارج\s(?:المنصة|الموقع)\s(?:\S+\s){0,2}?(?:ادفع|الدفع|الفلوس|تحويل)",
    ),
}
"""Per language, the phrases of paying outside: directly, off the site, without the fee, by the local transfer."""

STRONG_RAILS: dict[str, str] = {
    # rails that mean paying, named as their users write them
    "apple pay": r"apple\s?pay|samsung\s?pay|google\s?wallet",
    # not "dana", "ovo", "maya": first names and a 3-D tool as often as wallets; the phrases read them with a pay verb
    "local wallet": r"satispay|postepay|papara|ininal|gopay|shopeepay|stc\s?pay|instapay|vodafone\scash|fawry",
}
NEEDS_PAY_WORD = frozenset({"apple pay", "local wallet"})
"""Also tech topics (an Apple Pay button, a GoPay integration): they need a pay word beside them."""
WEAK_RAILS: dict[str, str] = {
    # bank transfers: the platform pays out through banks too, so an outside cue is needed
    "bank transfer (local)": r"bonifico(?:\sbancario)?|przelew(?:em|u)?|havale|eft|transfer\sbank|rekening|تحويل\sبنكي",
}
PAY_WORDS = (
    r"pagare|pagami|pagher\w*|paga|zapłać|zaplac|zapłacę|zaplace|płatno\w*|platno\w*|öde\w*|ode(?:me|yeyim|rim)\w*|bayar\w*|"
    r"kirim\w*|bhej\w*|paise|paisa|bayad|magbayad|ibayad|ادفع|دفع|الدفع|حول\w*|tf"
)
"""Pay and send verbs of these languages, read in the rail's window (`offplatform._PAY`)."""
OUTSIDE_WORDS = (
    r"direttamente|bezpośrednio|bezposrednio|doğrudan|dogrudan|langsung|diretso|direkta|seedha|sidha|مباشرة|"
    r"fuori\sdalla\spiattaforma|poza\s(?:platformą|platforma|portalem)|(?:site|platform)\sdişi\w*|di\sluar\s(?:platform|aplikasi)|"
    r"platform\s(?:ke\s|se\s)?bahar|sa\slabas|خارج\s(?:المنصة|الموقع)|na\slang|bez\sprowizji|komisyonsuz|senza\scommission[ei]|"
    r"tanpa\s(?:fee|komisi)"
)
"""Directly, outside the platform, without the fee: an off-platform cue in a rail's window (`offplatform._OUTSIDE`)."""

PHRASES: tuple[Phrase, ...] = tuple(
    Phrase(
        f"{code}-pay",
        r"\b(?:" + "|".join(parts) + r")" if code != "ar" else "(?:" + "|".join(parts) + ")",
        "payment.offplatform",
        0.9,
        f"proposes payment outside the platform ({code})",
    )
    for code, parts in PAY_PHRASES.items()
)
