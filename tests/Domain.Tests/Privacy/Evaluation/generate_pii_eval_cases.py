# The labelled cases; executed by generate_pii_eval.py (shares its helpers and seeded random).
T = "CREDIT_CARD"
for pre, n, brand in [("4", 16, "Visa"), ("4", 16, "Visa"), ("51", 16, "Mastercard"), ("55", 16, "Mastercard"), ("2221", 16, "Mastercard"),
                      ("2720", 16, "Mastercard"), ("34", 15, "Amex"), ("37", 15, "Amex"), ("6011", 16, "Discover"), ("3530", 16, "JCB"),
                      ("36", 14, "Diners Club"), ("62", 19, "UnionPay"), ("4", 19, "Visa")]:
    c = card(pre, n); sizes = [4, 6, 5] if n == 15 else [4, 6, 4] if n == 14 else [4, 4, 4, 4, 3] if n == 19 else [4, 4, 4, 4]
    v = group(c, sizes) if R.random() < 0.6 else c
    add("positive", T, f"Please charge my {brand} {v} for the renewal.", [(T, v)])
c = card("4", 16); add("positive", T, f"cc: {group(c, [4,4,4,4], '-')} exp 09/27", [(T, group(c, [4,4,4,4], '-'))])
c = card("5", 16); add("positive", T, f"The refund went back to card ending in the number {c}, thanks.", [(T, c)])
c = card("4", 16); add("evasion", T, f"my card is {zw(group(c, [4,4,4,4]))} ok", [(T, zw(group(c, [4,4,4,4])))], "zero-width spaces")
c = card("5", 16); v = group(c, [4,4,4,4]).translate(FW); add("evasion", T, f"card {v} please", [(T, v)], "full-width digits")
c = card("4", 16); v = group(c, [4,4,4,4], "."); add("evasion", T, f"Visa {v} for the hotel", [(T, v)], "dots")
c = card("37", 15); v = group(c, [4,6,5], "/"); add("evasion", T, f"amex {v} on file", [(T, v)], "slashes")
c = card("4", 16); v = group(c, [4,4,4,4], NB); add("evasion", T, f"Card: {v}", [(T, v)], "no-break spaces")
c = card("2", 16) if False else card("2221", 16); v = c.translate(AR); add("evasion", T, f"card number {v}", [(T, v)], "Arabic-Indic digits")
c = card("6011", 16); v = "".join(ch + ("\u2060" if i % 4 == 3 and i < 15 else "") for i, ch in enumerate(c)); add("evasion", T, f"discover {v} thanks", [(T, v)], "word joiners")
c = card("4", 16); v = group(c, [4,4,4,4], "-").translate(FW); add("evasion", T, f"pay with {v}", [(T, v)], "full-width digits, hyphens")
for _ in range(3):
    c = corrupt_last(card("4", 16)); add("near_miss", T, f"Card {group(c, [4,4,4,4])} was declined: wrong check digit.", [], "Luhn fails")
c = corrupt_last(card("5", 16)); add("near_miss", T, f"Mastercard {c} typed wrong.", [], "Luhn fails")
add("near_miss", T, "Order number 100045632981 shipped yesterday.", [], "order number")
add("near_miss", T, "Event id 1700000000123 logged by the collector.", [], "timestamp in ms")
add("near_miss", T, "ISBN 978-0-306-40615-7 is the second edition.", [], "ISBN-13")
add("near_miss", T, "The tracking number 9400 1000 0000 0000 0000 00 is with USPS.", [], "USPS tracking")
add("near_miss", T, "Total due: $4,111.11 by Friday, invoice 2024-0001.", [], "price")

T = "IBAN_CODE"
ibans = [("DE", digits(18, "0123456789"), [4]*5 + [2]), ("GB", "NWBK" + digits(14, "0123456789"), [4]*5 + [2]),
         ("FR", digits(23, "0123456789"), [4]*6 + [3]), ("ES", digits(20, "0123456789"), [4]*6), ("NL", "ABNA" + digits(10, "0123456789"), [4]*4 + [2]),
         ("IT", "X" + digits(22, "0123456789"), [4]*6 + [3]), ("BE", digits(12, "0123456789"), [4]*4), ("CH", digits(17, "0123456789"), [4]*5 + [1]),
         ("AT", digits(16, "0123456789"), [4]*5), ("PL", digits(24, "0123456789"), [4]*7)]
for i, (cc, bban, sizes) in enumerate(ibans):
    v = iban(cc, bban); v = group(v, sizes) if i % 2 == 0 else v
    add("positive", T, f"Please transfer the deposit to IBAN {v} by Monday.", [(T, v)])
v = iban("DE", digits(18, "0123456789")); add("positive", T, f"Send it to {v}.", [(T, v)])
v = group(iban("GB", "MIDL" + digits(14, "0123456789")), [4]*5 + [2]).lower(); add("evasion", T, f"iban {v} pls", [(T, v)], "lowercase")
v = iban("DE", digits(18, "0123456789")).lower(); add("evasion", T, f"account {v}", [(T, v)], "lowercase compact")
v = zw(group(iban("FR", digits(23, "0123456789")), [4]*6 + [3])); add("evasion", T, f"IBAN: {v}", [(T, v)], "zero-width spaces")
v = iban("ES", digits(20, "0123456789")).translate(FW); add("evasion", T, f"cuenta {v}", [(T, v)], "full-width")
v = group(iban("NL", "RABO" + digits(10, "0123456789")), [4]*4 + [2], "-"); add("evasion", T, f"bank account {v}", [(T, v)], "hyphens")
v = group(iban("DE", digits(18, "0123456789")), [4]*5 + [2], NB); add("evasion", T, f"IBAN {v}", [(T, v)], "no-break spaces")
v = iban("IT", "X" + digits(22, "0123456789")); v = v.replace("I", "\u0406", 1); add("evasion", T, f"IBAN {v}", [(T, v)], "Cyrillic I homoglyph")
for cc, bban in [("DE", digits(18, "0123456789")), ("GB", "NWBK" + digits(14, "0123456789")), ("FR", digits(23, "0123456789"))]:
    v = iban(cc, bban); v = v[:2] + f"{(int(v[2:4]) + 1) % 100:02d}" + v[4:]; add("near_miss", T, f"IBAN {v} was rejected by the bank.", [], "mod-97 fails")
v = iban("DE", digits(18, "0123456789")); add("near_miss", T, f"Account {v}1 has one digit too many.", [], "wrong length")
add("near_miss", T, "Part number DE12BOSCH00045 is out of stock.", [], "part number")
add("near_miss", T, "Flight GB2249 departs at 10:40 from gate 12.", [], "flight code")

T = "EMAIL_ADDRESS"
for v in ["jane.doe@example.com", "a.b-c+tag@mail.example.co.uk", "support@contoso.io", "x_y@sub.domain.org", "first.last@uni.edu", "ops-team@example.net"]:
    add("positive", T, f"Write to {v} if anything changes.", [(T, v)])
for v, note in [("jane%40example.com", "%40 for @"), ("jane＠example.com", "full-width at"), ("jа\u0435@exаmple.com", "Cyrillic homoglyphs"),
                ("jo\u200bhn@example.com", "zero-width space"), ("bob%2Esmith@example.com", "%2E for dot")]:
    add("evasion", T, f"my email is {v} thanks", [(T, v)], note)
for t in ["Use the @example handle on the forum.", "The decorator @property is used here.", "Meet at 5 @ the cafe.", "git@ is not an address", "Price is 3@5 units."]:
    add("near_miss", T, t, [])

T = "PHONE_NUMBER"
for v in ["+1 415 555 2671", "(212) 555-0188", "+44 20 7946 0958", "020 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+91 98765 43210", "+1-650-253-0000"]:
    add("positive", T, f"Call me on {v} after six.", [(T, v)])
for v, note in [("+1 ４１５ ５５５ ２６７１", "full-width"), ("+44\u200b20\u200b7946\u200b0958", "zero-width"), ("+1.415.555.2671", "dots")]:
    add("evasion", T, f"phone {v}", [(T, v)], note)
for t in ["Release 2.4.1 ships with 415 fixes.", "The room is 12 by 15 feet.", "Build 20240115 passed.", "Call 911 in an emergency."]:
    add("near_miss", T, t, [])

T = "IP_ADDRESS"
for v in ["192.168.1.24", "10.0.0.1", "203.0.113.77", "2001:db8::8a2e:370:7334", "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"]:
    add("positive", T, f"The request came from {v} this morning.", [(T, v)])
for v, note in [("192.168.１.２４", "full-width"), ("10\u200b.0.0.5", "zero-width")]:
    add("evasion", T, f"client ip {v}", [(T, v)], note)
for t in ["Upgrade to version 1.2.3.4.5 today.", "The value 999.1.1.1 is not valid.", "Section 3.2.1.4 of the contract applies.", "Ratio 12:30:45 in the log."]:
    add("near_miss", T, t, [])

T = "URL"
for v in ["https://www.example.com/path?q=1", "http://intranet.contoso.local/wiki", "https://example.org", "www.example.co.uk/about", "ftp://files.example.com/a.zip"]:
    add("positive", T, f"See {v} for details.", [(T, v)])
add("evasion", T, "See https://ｅｘａｍｐｌｅ.com/x for details.", [(T, "https://ｅｘａｍｐｌｅ.com/x")], "full-width letters")
for t in ["The file is report.final.docx in the share.", "Use e.g. the default settings.", "See section 4.1 for details."]:
    add("near_miss", T, t, [])

T = "MAC_ADDRESS"
for v in ["00:1A:2B:3C:4D:5E", "a4-5e-60-c2-19-0b", "0017.88ab.cd01", "3C:22:FB:12:9A:77"]:
    add("positive", T, f"The device MAC is {v} on the lab network.", [(T, v)])
add("evasion", T, "mac ０0:1A:2B:3C:4D:5F", [(T, "０0:1A:2B:3C:4D:5F")], "full-width digit")
for t in ["The meeting runs 10:15:20:25:30:35 in slots.", "Hash prefix ab:cd:ef only."]:
    add("near_miss", T, t, [])

T = "CRYPTO"
for v in [b58check(0), b58check(0), b58check(5), b58check(5), bech32(0, 20, 1), bech32(0, 32, 1), bech32(1, 32, 0x2bc830a3),
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"]:
    add("positive", T, f"Send the payment to wallet {v} today.", [(T, v)])
v = b58check(0); w = v[:10] + ZW + v[10:]; add("evasion", T, f"btc {w}", [(T, w)], "zero-width")
v = bech32(0, 20, 1).upper(); add("evasion", T, f"BTC {v}", [(T, v)], "upper-case bech32")
v = b58check(5); w = v.replace("a", "а", 1) if "a" in v else v.replace("e", "е", 1) if "e" in v else v.replace("o", "о", 1)
if w != v: add("evasion", T, f"wallet {w}", [(T, w)], "Cyrillic homoglyph")
for note, v in [("Base58Check fails", b58check(0)[:-1] + "x"), ("Base58Check fails", b58check(5)[:-2] + "zz"), ("Bech32 fails", bech32(0, 20, 1)[:-1] + "q"),
                ("EIP-55 case wrong", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]:
    if v.endswith("qq") or (note == "Bech32 fails" and v[-1] == "q" and False): pass
    add("near_miss", T, f"This address {v} is not valid.", [], note)
add("near_miss", T, "Commit 3f9a2c1b4d5e6f708192a3b4c5d6e7f8091a2b3c fixed it.", [], "git sha")

T = "DATE_TIME"
for v in ["12/03/1985", "1990-07-14", "3 March 1978", "March 12, 2001", "14.07.1969", "2023-11-02T09:30:00"]:
    add("positive", T, f"Patient was born on {v} per the chart.", [(T, v)] if True else [])
add("evasion", T, "DOB: ０３/１２/１９８５", [(T, "０３/１２/１９８５")], "full-width")
for t in ["The date 31/02/2020 in the form is impossible.", "Birth year column shows 2024-13-45.", "Version 10.12.2023a is out."]:
    add("near_miss", T, t, [])

T = "US_SSN"
for _ in range(8):
    v = ssn(); add("positive", T, f"My SSN is {v}, please update the file.", [(T, v)])
v = ssn().replace("-", " "); add("positive", T, f"social security number {v}", [(T, v)])
v = ssn(); w = v.replace("-", "."); add("evasion", T, f"SSN {w}", [(T, w)], "dots")
v = ssn(); w = v.translate(FW); add("evasion", T, f"ssn {w}", [(T, w)], "full-width")
v = ssn(); w = v.replace("-", ZW + "-"); add("evasion", T, f"SSN: {w}", [(T, w)], "zero-width")
v = ssn(); w = v.replace("-", "\u2011"); add("evasion", T, f"SSN {w}", [(T, w)], "non-breaking hyphens")
v = ssn(); w = v.translate(DV); add("evasion", T, f"ssn {w}", [(T, w)], "Devanagari digits")
for v, note in [("000-12-3456", "area 000"), ("666-12-3456", "area 666"), ("912-34-5678", "area 9xx"), ("123-00-4567", "group 00"),
                ("123-45-0000", "serial 0000"), ("078-05-1120", "Woolworth"), ("123-45-6789", "textbook example")]:
    add("near_miss", T, f"The SSN {v} on the form is void.", [], note)
add("near_miss", T, "Ticket 212-55-8123-77 is assigned to ops.", [], "longer hyphenated id")

T = "US_ITIN"
for _ in range(5):
    v = itin(); add("positive", T, f"My ITIN is {v} for the return.", [(T, v)])
v = itin(); w = v.translate(FW); add("evasion", T, f"ITIN {w}", [(T, w)], "full-width")
for v in ["912-45-6789", "900-93-1234"]:
    add("near_miss", T, f"ITIN {v} has an invalid group.", [], "group outside IRS ranges")

T = "ABA_ROUTING_NUMBER"
for _ in range(6):
    v = aba(); add("positive", T, f"Our bank routing number is {v} for direct deposit.", [(T, v)])
v = aba(); add("positive", T, f"ABA {v}", [(T, v)])
v = aba(); w = v.translate(FW); add("evasion", T, f"routing number {w}", [(T, w)], "full-width")
v = aba(); w = v[:4] + ZW + v[4:]; add("evasion", T, f"routing {w}", [(T, w)], "zero-width")
v = aba(); w = group(v, [4, 4, 1], "-"); add("evasion", T, f"routing number {w}", [(T, w)], "4-4-1 hyphens")
for _ in range(3):
    v = corrupt_last(aba()); add("near_miss", T, f"routing number {v} was rejected.", [], "checksum fails")
add("near_miss", T, "routing number 991234568 is not a Fed prefix.", [], "prefix 99")

T = "UK_NHS"
for _ in range(6):
    v = group(nhs(), [3, 3, 4]); add("positive", T, f"Patient NHS number {v} attended clinic.", [(T, v)])
v = nhs(); add("positive", T, f"NHS no. {v}", [(T, v)])
v = group(nhs(), [3, 3, 4]).translate(FW); add("evasion", T, f"NHS {v}", [(T, v)], "full-width")
v = zw(group(nhs(), [3, 3, 4])); add("evasion", T, f"nhs number {v}", [(T, v)], "zero-width")
v = group(nhs(), [3, 3, 4], "."); add("evasion", T, f"NHS {v}", [(T, v)], "dots")
for _ in range(3):
    v = corrupt_last(nhs()); add("near_miss", T, f"NHS number {group(v, [3,3,4])} failed validation.", [], "mod-11 fails")
add("near_miss", T, "NHS number 111 111 1111 is a placeholder.", [], "all same")

T = "UK_NINO"
for v in ["AB 12 34 56 C", "JG103759A", "CE 38 29 41 D", "PR123456B", "SK 65 43 21 A"]:
    add("positive", T, f"My national insurance number is {v}.", [(T, v)])
add("evasion", T, "NI number jg 10 37 59 a", [(T, "jg 10 37 59 a")], "lowercase")
add("evasion", T, "NINO ＡＢ１２３４５６Ｃ", [(T, "ＡＢ１２３４５６Ｃ")], "full-width")
for v, note in [("QQ 12 34 56 C", "prefix QQ"), ("BG123456A", "prefix BG"), ("AB123456E", "suffix E"), ("DA123456A", "first letter D")]:
    add("near_miss", T, f"national insurance {v} is not allocated.", [], note)

T = "DE_TAX_ID"
for _ in range(6):
    v = de_tax(); add("positive", T, f"Meine Steuer-ID (tax id) ist {v}.", [(T, v)])
v = group(de_tax(), [2, 3, 3, 3]); add("positive", T, f"Steuer-IdNr {v}", [(T, v)])
v = de_tax().translate(FW); add("evasion", T, f"Steuer-ID {v}", [(T, v)], "full-width")
v = de_tax(); w = v[:5] + ZW + v[5:]; add("evasion", T, f"tax id {w}", [(T, w)], "zero-width")
v = group(de_tax(), [2, 3, 3, 3], "."); add("evasion", T, f"Steuer-ID {v}", [(T, v)], "dots")
for _ in range(2):
    v = corrupt_last(de_tax()); add("near_miss", T, f"Steuer-ID {v} ist ungültig.", [], "check digit fails")
add("near_miss", T, "Steuer-ID 12345678901 is made up.", [], "no repeated digit")

T = "ES_NIF"
for _ in range(6):
    v = nif(); add("positive", T, f"Mi DNI es {v}, gracias.", [(T, v)])
n = nif(); v = n[:8] + "-" + n[8]; add("positive", T, f"NIF {v}", [(T, v)])
n = nif(); v = n[:8].translate(FW) + n[8]; add("evasion", T, f"DNI {v}", [(T, v)], "full-width")
n = nif(); v = n.lower(); add("evasion", T, f"dni {v}", [(T, v)], "lowercase letter")
n = nif(); v = f"{n[:2]}.{n[2:5]}.{n[5:8]} {n[8]}"; add("evasion", T, f"NIF {v}", [(T, v)], "dotted")
for _ in range(2):
    n = nif(); v = n[:8] + NIF[(NIF.index(n[8]) + 1) % 23]; add("near_miss", T, f"DNI {v} no es válido.", [], "control letter wrong")

T = "ES_NIE"
for _ in range(5):
    v = nie(); add("positive", T, f"Mi NIE es {v}.", [(T, v)])
n = nie(); v = n.lower(); add("evasion", T, f"nie {v}", [(T, v)], "lowercase")
n = nie(); v = n[0] + "-" + n[1:8] + "-" + n[8]; add("evasion", T, f"NIE {v}", [(T, v)], "hyphens")
for _ in range(2):
    n = nie(); v = n[:8] + NIF[(NIF.index(n[8]) + 1) % 23]; add("near_miss", T, f"NIE {v} no es válido.", [], "control letter wrong")

T = "IN_AADHAAR"
for _ in range(6):
    v = group(aadhaar(), [4, 4, 4]); add("positive", T, f"My Aadhaar number is {v}.", [(T, v)])
v = aadhaar(); add("positive", T, f"aadhaar {v}", [(T, v)])
v = group(aadhaar(), [4, 4, 4]).translate(DV); add("evasion", T, f"Aadhaar {v}", [(T, v)], "Devanagari digits")
v = zw(group(aadhaar(), [4, 4, 4])); add("evasion", T, f"aadhaar {v}", [(T, v)], "zero-width")
v = group(aadhaar(), [4, 4, 4], "-"); add("evasion", T, f"UID {v}", [(T, v)], "hyphens")
for _ in range(2):
    v = corrupt_last(aadhaar()); add("near_miss", T, f"Aadhaar {group(v, [4,4,4])} failed Verhoeff.", [], "Verhoeff fails")
p = "1" + digits(10, "0123456789"); add("near_miss", T, f"Aadhaar {group(p + verhoeff(p), [4,4,4])} starts with 1.", [], "first digit 1")

T = "IT_FISCAL_CODE"
for _ in range(6):
    v = cf(); add("positive", T, f"Il mio codice fiscale è {v}.", [(T, v)])
v = cf().lower(); add("evasion", T, f"codice fiscale {v}", [(T, v)], "lowercase")
v = cf(); w = v[:6] + ZW + v[6:]; add("evasion", T, f"cf {w}", [(T, w)], "zero-width")
for _ in range(2):
    v = cf(); w = v[:15] + chr(65 + (ord(v[15]) - 64) % 26); add("near_miss", T, f"codice fiscale {w} errato.", [], "control letter wrong")

T = "PERSON"
for v in ["John Smith", "Mary Johnson", "Sarah Lee", "David Martinez", "Jennifer Wilson", "Michael Brown Taylor"]:
    if v == "Michael Brown Taylor": continue
    add("positive", T, f"Dear {v}, your order has shipped.", [(T, v)])
add("positive", T, "Signed: Patricia Garcia, Head of HR.", [(T, "Patricia Garcia")])
add("evasion", T, "Dear Jоhn Smith, welcome.", [(T, "Jоhn Smith")], "Cyrillic o")
add("evasion", T, "Dear Ｊｏｈｎ Ｓｍｉｔｈ, welcome.", [(T, "Ｊｏｈｎ Ｓｍｉｔｈ")], "full-width letters")
for t in ["Will you mark the grant as approved?", "We need a bill for the May delivery.", "The rose garden is in the white house.", "Set the pin to the smithing level."]:
    add("near_miss", T, t, [])

# Plain texts with no PII at all: everyday operations English.
for t in ["The build took 4 minutes and 12 seconds on 2 cores.", "Quarterly revenue grew 12.5% to 3,400,000 dollars.", "Restart the service, then clear the cache.",
          "Room 101 is booked from 09:00 to 11:30.", "Our API returns 404 when the model id is unknown.", "Set the timeout to 30000 milliseconds.",
          "Version 3.11.4 fixed the memory leak.", "Please review PR 4821 before lunch.", "The batch of 250 documents finished in 18 s.",
          "Use port 8080 for the dev server."]:
    add("near_miss", "NONE", t, [], "plain text")

# Mixed texts: several entities of different types in one message, as support tickets read.
for _ in range(6):
    c, e, s = card("4", 16), R.choice(["li.wei@example.com", "ops@contoso.io", "k.ahmed@uni.edu"]), ssn()
    gc = group(c, [4, 4, 4, 4])
    add("positive", "MIXED", f"Customer John Smith (email {e}) paid with card {gc}; SSN {s} on file.",
        [("PERSON", "John Smith"), ("EMAIL_ADDRESS", e), ("CREDIT_CARD", gc), ("US_SSN", s)])
for _ in range(4):
    i, a = group(iban("DE", digits(18, "0123456789")), [4]*5 + [2]), "10.20.30." + str(R.randint(2, 250))
    add("positive", "MIXED", f"Refund to IBAN {i} requested from host {a}.", [("IBAN_CODE", i), ("IP_ADDRESS", a)])
for _ in range(3):
    n, f = aadhaar(), cf()
    add("evasion", "MIXED", f"Aadhaar {group(n, [4,4,4]).translate(FW)} and codice fiscale {f.lower()}.",
        [("IN_AADHAAR", group(n, [4,4,4]).translate(FW)), ("IT_FISCAL_CODE", f.lower())])
for t in ["Invoice INV-2024-000123 totals 1,299.00 EUR.", "Container MSKU 907032 3 arrived at the port.", "Serial SN-4471-9920-1187 was returned.",
          "Coordinates 52.5200, 13.4050 mark the office."]:
    add("near_miss", "NONE", t, [], "everyday identifier")
