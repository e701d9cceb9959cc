"""The causes of the blind12 round (account side) as families of phrasings, end to end.

Every text was written for this test after the round's fixes, none taken from an evaluation set or from a rule's
fixtures, and screened once before any change for it: 21/26 offers named, 3/15 look-alikes flagged at first. The
five misses were the Persian verb a few words after the account ("اکانت فایورت رو به من اجاره بده"), people sought
in Spanish and Polish to open an account on their own document ("buscamos gente ... que abra", "szukam ludzi, którzy
założą"), "работать на нём буду я", and "mình làm hết việc" beside a US-verified account; the three look-alikes were a
warning opened by "careful everyone", an office rented in Indonesian ("sewa kantor ... akunnya") and an employer
telling new hires to open their own account through the platform's check (an older rule, flagged on main too).
Each then joined its group as a family (see `accounts_twelfth.yaml`).

For each cause of blind12's account errors (a warning about someone else's rent offer; renting in Korean, Thai,
Bengali, Persian, Japanese, Indonesian and Swahili with the verb beside the account; "rented profiles" and a login
and password for a share; someone with a US-verified account while the sender does the work; people opening an
account on their own document for the sender; the liveness or video check done for the sender; accounts sold with
a badge, "WTS" or the original e-mail; the payout pointed at the sender's own brand) one or more wordings, and talk
with the same words that must stay clean. The rule fixtures test each rule alone; these test the whole screener.
"""

from __future__ import annotations

from fraud_rounds import account_offer, round_tests

OFFERS = [
    "Mình cần thuê tài khoản Upwork của bạn, mỗi tháng trả 4 triệu, chỉ cần cài UltraViewer.",
    "اکانت فایورت رو به من اجاره بده، هر ماه ۱۸۰ دلار، فقط تیم\u200cویور نصب کن",
    "당신 업워크 계정 빌려주시면 매달 30만원 보내드려요",
    "ช่วยให้เช่าบัญชี Upwork หน่อย จ่ายเดือนละ 5000 บาท",
    "আপনার আপওয়ার্ক একাউন্ট ভাড়া দিলে প্রতি মাসে ১৫ হাজার দিব",
    "Pinjam akun Fiverr-nya dong kak, tiap bulan aku transfer 1,5 juta, cukup nyalain AnyDesk",
    "Ich würde dir 350 € im Monat zahlen, wenn ich über dein Konto arbeiten darf.",
    "Our group runs about 30 rented freelancer accounts; you give remote access, we send $220 monthly.",
    "Lend me your login and password for a few months, you'll get 15% of every order.",
    "Tengo la cuenta bloqueada, trabajo en tu perfil y lo repartimos 50/50 con AnyDesk.",
    "Buscamos gente en EE. UU. que abra una cuenta con su propio pasaporte; "
    "nosotros trabajamos en ella con AnyDesk y pagamos cada mes.",
    "Szukam ludzi, którzy założą konto na swój dowód, ja na nim pracuję, płacę co miesiąc.",
    "Ищу людей, которые зарегистрируют аккаунт на свой паспорт, а работать на нём буду я, плачу 100 $ ежемесячно.",
    "دنبال کسی هستم که با کارت ملی خودش حساب فایور باز کنه، کار با من، ماهانه پول میدم",
    "Need someone with a UK-verified Upwork account; I do all the work and we split the income 60/40.",
    "ABD'de doğrulanmış hesabı olan biri lazım, tüm işleri ben yaparım, kazancı yarı yarıya böleriz.",
    "找个有美国实名认证账号的人，活我来干，利润五五分成。",
    "Cần người có tài khoản Upwork đã xác minh ở Mỹ, mình làm hết việc, lợi nhuận chia đôi.",
    "Could you do the video verification on my Fiverr account for me? I'll send $60.",
    "Pouvez-vous faire la vérification vidéo de mon compte pour moi ? Je paie 50 €.",
    "WTS aged Upwork accounts, ID verified, original email, DM for the price list.",
    "Selling a Rising Talent Upwork profile, 2 years, original email included, $900.",
    "Vendo perfil Top Rated de Upwork con correo original, 3 años, 2.000 dólares.",
    "Продаю старый аккаунт Upwork с отзывами и родной почтой.",
    "Switch the payout method to my Skrill and I'll send your share back every Monday.",
    "출금 계좌를 제 와이즈로 바꿔 주시면 매주 수익의 25% 드릴게요",
]

LOOK_ALIKES = [
    "Careful everyone, someone in the group is offering money to rent Upwork accounts; both get banned.",
    "Atenção pessoal, tem gente oferecendo grana pra alugar perfil, não caiam.",
    "Achtung Leute, jemand bietet Geld für gemietete Konten, bitte nicht drauf eingehen.",
    "Mình thuê văn phòng mỗi tháng 4 triệu, tài khoản ngân hàng công ty ở dưới.",
    "لطفا پایتون رو نصب کن و با اکانت گیت\u200cهاب خودت وارد شو، ماهانه حقوق میدم",
    "제 카메라를 빌려주시면 매달 5만원 드릴게요",
    "Saya sewa kantor 3 juta sebulan, akunnya atas nama perusahaan.",
    "Never share your login and password, even if someone offers 20% of every order.",
    "I verified my own Upwork account in the UK and I do all the work myself; no splits.",
    "We are hiring in the US: open your own account with your passport through the platform's verification "
    "and you do the work; paid monthly.",
    "Could you do the video verification screen for my app's account page? $400.",
    "Selling my design templates on my Upwork profile, 200 reviews so far.",
    "I switched the payout method to my Skrill last week; your share of the invoice is on its way.",
    "출금 계좌를 제 새 계좌로 바꿨어요, 다음 주 정산 때 확인해 주세요",
    "Продаю старый ноутбук, аккаунт Windows отвязан.",
]

test_each_phrasing_of_a_blind12_account_cause_is_named, test_account_look_alikes_stay_clean = round_tests(
    OFFERS, LOOK_ALIKES, account_offer
)
