"""Paying outside the platform in the long tail: Dutch, Vietnamese, Ukrainian, Romanian, Hindi in Devanagari and
Arabizi, plus the phrasings and local rails of it, pl, tr, id, tl and ar that `offplatform_langs` does not read.

Data, not logic, merged into `offplatform_langs`' tables where they are defined (one registration there), so the
phrases join `offplatform.py`'s RE2 prefilter and the rails its rail hint: a message without these words pays
nothing. Local rails named here are the ones neither the rail table nor the wallet list knew: Tikkie and bunq (nl),
MoMo, ZaloPay and VNPay (vn), Monobank and PrivatBank (ua), Vodafone Cash and InstaPay in Arabic script (eg), UPI
apps in Devanagari (in). Like the other wallets they need a pay word beside them: each is also a tech topic ("integrate
Tikkie in the webshop").
"""

from __future__ import annotations

from marketguard.core.text.deva import deva

PAY_PHRASES: dict[str, tuple[str, ...]] = {
    "nl": (
        r"betaal\s(?:me|mij|je|jou|het)\s(?:\w+\s)?(?:rechtstreeks|direct|buiten|contant|zwart|via\stikkie)",
        r"(?:rechtstreeks|direct)\s(?:\w+\s){0,2}?(?:betalen|betaal|overmaken|overboeken|tikkie)\b",
        r"buiten\s(?:het\splatform|de\ssite|de\sapp)\s(?:\w+\s){0,3}?(?:regelen|betal\w*|overmak\w*|afreken\w*|tikkie|contant)",
        r"(?:scheelt|besparen|ontlopen|omzeilen|vermijden|zonder)\s(?:\w+\s){0,3}?(?:de\s)?(?:commissie|servicekosten|fee|"
        r"platformkosten|kosten\svan\shet\splatform)",
        r"(?:sluit|beëindig|beeindig|stop|annuleer)\s(?:\w+\s){0,2}?(?:contract|opdracht|project)\w*\b[^!?\n]{0,60}?\b"
        r"(?:betaal\w*|overmak\w*|over\b|direct|tikkie|rekening|contant|rechtstreeks)",
        # the verb after the contract: "zullen we het contract hier afsluiten en daarna rechtstreeks factureren?"
        r"(?:contract|opdracht|project)\w*\s(?:\w+\s){0,2}?(?:afsluiten|afronden|beëindigen|beeindigen|stopzetten|sluiten|"
        r"annuleren|stoppen)\b[^!?\n]{0,60}?\b(?:betal\w*|overmak\w*|rechtstreeks|buiten\s(?:het\s)?platform|tikkie|contant|"
        r"(?:op|naar)\s(?:mijn|m'n)\srekening)",
        r"rechtstreeks\s(?:\w+\s)?(?:factureren|factuur|afrekenen|rekenen)",
        r"(?:de\s)?rest\s(?:\w+\s){0,3}?(?:via|per|met|op)\s(?:bank\w*|overschrijving|tikkie|iban|contant|paypal|mijn\srekening)",
        r"(?:maak|maakt)\s(?:het|het\sbedrag|de\srest|het\sgeld|dat)\s(?:\w+\s)?over\s(?:naar|op)\s(?:mijn|m'n)",
        r"overmaken\s(?:naar|op)\s(?:mijn|m'n)\s(?:rekening|iban|bunq|revolut)|(?:op|naar)\s(?:mijn|m'n)\s(?:\w+\s)?rekening\s"
        r"overmaken",
    ),
    "vi": (
        r"chuyển\skhoản\s(?:trực\stiếp|riêng|ngoài)|thanh\stoán\s(?:trực\stiếp|riêng|ngoài\s(?:nền\stảng|sàn|app|ứng\sdụng))",
        r"khỏi\s(?:mất\s)?phí|né\sphí|(?:tránh|đỡ)\s(?:mất\s)?(?:phí|hoa\shồng)\s(?:sàn|nền\stảng)",
        r"(?:chuyển|gửi|trả|ck)\s(?:\S+\s){0,3}?qua\s(?:momo|zalo\s?pay|vnpay|ngân\shàng|stk|tài\skhoản\s(?:mình|tôi|em))"
        r"(?!\s(?:của|trên)\s(?:nền\stảng|sàn))",
    ),
    "uk": (
        r"(?:без|не\sплатити|уникнути|зекономити\sна)\s(?:\w+\s)?комісі\w*(?![^.!?\n]{0,40}?(?:через\sплатформу|на\sплатформі|платформ\w*\sне))",
        r"(?:оплат\w*|плат\w*|переказ\w*|перекажу|скин\w*|кин\w*)\s(?:\w+\s){0,2}?(?:напряму|поза\s(?:платформою|біржею|сайтом)|"
        r"на\sкартку|на\sкарту)",
        r"(?:гроші|кошти)\s(?:\w+\s)?на\s(?:картку|карту|рахунок)(?!\s(?:платформи|біржі|сайту|сервісу))",
    ),
    "ro": (
        r"pl[ăa]te[șşs]te-?mi\s(?:\w+\s)?(?:direct|[îi]n\safara|pe\srevolut|prin\srevolut|cash|[îi]n\smân[ăa])",
        r"(?:f[ăa]r[ăa]|evit[ăa]m|sc[ăa]p[ăa]m\sde)\s(?:\w+\s)?comision\w*(?![^.!?\n]{0,40}?\b(?:nu\sse|prin\splatform))",
        r"[îi]nchid\w*\s(?:\w+\s)?contract\w*\b[^!?\n]{0,60}?\b(?:rest\w*|pl[ăa]t\w*|transfer|revolut|direct|cash)",
        r"(?:plat[ăa]|pl[ăa]ti\w*|transfer)\s(?:\w+\s){0,2}?(?:direct|[îi]n\safara\splatformei)",
    ),
    "hi-dv": (
        deva(
            r"(?:सीधे|सीधा|डायरेक्ट)\s(?:मेरे\s|मुझे\s)?(?:(?:खाते|अकाउंट|बैंक\sखाते|यूपीआई)\s(?:में|पर|पे)\s)?(?:पैसे\s|पेमेंट\s|भुगतान\s)?"
            r"(?:भेज|ट्रांसफर|कर\sदो|दे\sदो)"
        ),
        deva(r"(?:प्लेटफॉर्म|प्लेटफ़ॉर्म|साइट)\s(?:के\s|से\s)?बाहर\s(?:\S+\s){0,2}?(?:पेमेंट|पैसे|भुगतान)"),
        deva(r"(?:कमीशन|फीस|फ़ीस)\s(?:\S+\s)?(?:बचेगा|बचेगी|बचाओ|बच\sजाएगा|नहीं\sलगेगा|नहीं\sलगेगी|मत\sदो|क्यों\sदें|क्यों\sदेना)"),
    ),
    "ar-la": (
        r"\b(?:edfa3|idfa3|adfa3)(?:li|ly|lak)?\s(?:\w+\s){0,2}?(?:direct|mobashratan|mbashra|mubashara|3ala\s(?:el\s)?(?:bank|7esab\w*|hesab\w*))",
        r"\b(?:mn|men|min|bidun|bdoon|bdun|bala)\s(?:gher\s|ghair\s)?(?:el\s)?(?:3omola|3mola|3umula|omola|3amola)"
        r"(?!\s(?:3ala\sel\splatform|fel\splatform|hena))",
        r"\b(?:7awel|7awelli|7awilli|7awelly|hawel)\s(?:\w+\s)?(?:3ala|3al|ala)\s(?:7esabi|hesabi|el\s?bank|vodafone\scash|instapay)",
    ),
    "it": (
        # "fai un bonifico e saltiamo la piattaforma"
        r"(?:salt|aggir|bypass)\w*\s(?:la\s)?piattaforma\b",
        # "chiudi pure il contratto, il resto me lo dai in contanti"
        r"(?:chiud|termin|annull)\w*\s(?:pure\s|subito\s)?(?:il\s)?(?:contratto|progetto|ordine)\b[^!?\n]{0,60}?\b"
        r"(?:contanti|cash|in\snero|paypal|iban|satispay|postepay|revolut)",
    ),
    "pl": (
        # "przelać bezpośrednio na Revoluta", "przelej prywatnie"
        r"przel(?:a[cćł]\w*|ej\w*|eję|eje)\s(?:\w+\s)?(?:bezpośrednio|bezposrednio|prywatnie|na\s(?:moje|mój|moj|revoluta|blika))",
        # "resztę rozliczymy prywatnie"
        r"(?:resztę|reszte|reszta|resztą)\s(?:\w+\s){0,2}?(?:rozlicz\w*|dogadamy|załatwimy|zalatwimy|ureguluj\w*)\s"
        r"(?:prywatnie|bezpośrednio|bezposrednio|poza\s\w+|na\sboku|gotówką|gotowka)",
        # "po co płacić prowizję serwisu"
        r"(?:po\sco|nie\sma\ssensu|szkoda)\s(?:\w+\s)?(?:płacić|placic|dawać|dawac|oddawać|oddawac)\s(?:\w+\s)?prowizj\w*",
    ),
    "tr": (
        # "Papara numaramı yazıyorum", "Papara hesabıma at"
        r"papara\s(?:numaram\w*|hesab[iı]m\w*)",
    ),
    "id": (
        # "DP di sini, pelunasan lewat OVO"; "deal di luar platform"
        r"(?:sisa\w*|pelunasan\w*)\s(?:\w+\s){0,2}?(?:lewat|via|pakai|pake|ke)\s(?:ovo|dana|gopay|shopeepay|linkaja|rekening|bca|"
        r"mandiri|bni|bri)\b(?![^.!?\n]{0,20}?\b(?:bersama|platform))",
        r"(?:deal|transaksi|urusan\sbayar)\s(?:\w+\s)?di\sluar\s(?:platform|aplikasi|situs|sini)",
    ),
    "tl": (
        # "bayaran mo na lang ako outside", "para hindi tayo kaltasan"
        r"(?:bayaran|bayad|magbayad|i-?send|send)\s(?:\w+\s){0,4}?(?:outside|sa\slabas|direct|diretso)\b",
        r"(?:hindi|di)\s(?:tayo\s|ako\s|ka\s)?(?:kaltas\w*|mabawasan|bawasan)(?![^.!?\n]{0,30}?\b(?:dito|sa\splatform))",
    ),
}
"""Per language, phrases of paying outside; the codes already in `offplatform_langs` extend its lists."""

STRONG_RAILS: dict[str, str] = {
    "local wallet (more)": r"tikkie|bunq|momo|zalo\s?pay|vnpay|monobank\w*|монобанк\w*|privat\s?bank|privat24|"
    r"приватбанк\w*|"
    r"приват24|фودافون\sكاش|(?:ال)?فودافون\sكاش|(?:ب)?انستا\s?باي|(?:ب)?إنستا\s?باي",
    "upi (hi-dv)": deva(r"यूपीआई|पेटीएम|फोनपे|फ़ोनपे|गूगल\sपे"),
}
NEEDS_PAY_WORD = frozenset({"local wallet (more)", "upi (hi-dv)"})
WEAK_RAILS: dict[str, str] = {
    "bank transfer (more)": r"bankoverschrijving|overschrijving|overboeking|transfer\sbancar|virament\sbancar|"
    r"банківськ\w*\sпереказ\w*|chuyển\skhoản",
}
PAY_WORDS = (
    r"ricaric\w*|betaal\w*|betalen|overmak\w*|betaalverzoek|płać|plac|przelać|przelac|gönder\w*|gonder\w*|yolla\w*|"
    r"تدفع|يدفع|ندفع|حوّل\w*|thanh\stoán|trả\stiền|chuyển|оплат\w*|переказ\w*|скин\w*|pl[ăa]t\w*|"
    + deva(r"भेज\w*|पैसे|पेमेंट|भुगतान")
)
"""Pay and send verbs of these languages, read in a rail's window."""
OUTSIDE_WORDS = (
    r"rechtstreeks|buiten\shet\splatform|zonder\s(?:de\s)?(?:commissie|servicekosten)|trực\stiếp|ngoài\snền\stảng|"
    r"напряму|поза\sплатформою|без\sкомісії|[îi]n\safara\splatformei|f[ăa]r[ăa]\scomision|saltiamo\sla\spiattaforma|"
    + deva(r"सीधे|प्लेटफॉर्म\sके\sबाहर")
)
"""Directly, outside the platform, without the fee: an off-platform cue in a rail's window."""
BENIGN_WORDS = (
    r"webshop|webwinkel|koppeling|integratie|متجر|المتجر|بوابة\sدفع|بوابات\sالدفع|كوسيلة\sدفع|وسيلة\sدفع|ربط|دمج|"
    r"tích\shợp|cổng\sthanh\stoán|інтегр\w*|еквайринг\w*|магазин\w*|toko\sonline|"
    # the rail's button or screen in the app being built: "um botão de copiar chave Pix", "el botón de Bizum"
    r"bot[aã]o|bot[oó]n|bouton|schaltfl[äa]che|pulsante|przycisk\w*|кнопк\w*|tela|pantalla|écran|"
    + deva(r"वेबसाइट|गेटवे|इंटीग्रेट")
)
"""A rail as the subject of shop work in these languages ("Tikkie koppelen in de webshop", "ربط فودافون كاش
بالمتجر")."""
