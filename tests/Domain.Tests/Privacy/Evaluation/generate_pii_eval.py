#!/usr/bin/env python3
"""Writes pii-eval.jsonl (deterministic: fixed seed). Run from this folder; the output is committed.
Valid values are computed here (Luhn, mod-97, mod-11, Verhoeff, ISO 7064, Base58Check, Bech32),
so every positive really passes its checksum and every near-miss really fails it."""
import hashlib, json, random

R = random.Random(5)
ZW, NB = "\u200b", "\u00a0"
FW = str.maketrans("0123456789", "０１２３４５６７８９")
AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DV = str.maketrans("0123456789", "०१२३४५६७८९")
KNOWN_GAPS = {  # id -> why; filled after running the engine, never by changing the case
    **{f"aba_routing_number-{k}-{i:02d}": "ABA base score 0.05 + context boost 0.35 = 0.4 stays under the 0.5 threshold" for k, n in [("positive", 7), ("evasion", 3)] for i in range(1, n + 1)},
    "credit_card-near_miss-01": "12-digit Luhn-valid window inside a longer grouped number is reported",
    "credit_card-near_miss-03": "12-digit Luhn-valid window inside a longer grouped number is reported",
    "uk_nhs-positive-02": "3-3-4 NHS number also reads as a US phone number (0.95) and wins the overlap",
    "uk_nhs-positive-03": "3-3-4 NHS number also reads as a US phone number (0.95) and wins the overlap",
    "uk_nhs-positive-05": "3-3-4 NHS number also reads as a US phone number (0.95) and wins the overlap",
    "uk_nhs-positive-06": "3-3-4 NHS number also reads as a US phone number (0.95) and wins the overlap",
    "uk_nhs-near_miss-01": "invalid NHS number after 'NHS number' is reported as PHONE_NUMBER",
    "ip_address-near_miss-03": "section number 3.2.1.4 is a well-formed IPv4; no negative context",
    "mac_address-near_miss-01": "six decimal pairs joined by ':' are a well-formed MAC; no negative context",
}
rows = []

def add(kind, typ, text, ents, note=None):
    row = {"id": f"{typ.lower()}-{kind}-{sum(1 for r in rows if r['type'] == typ and r['kind'] == kind) + 1:02d}",
           "kind": kind, "type": typ, "text": text, "entities": [{"type": t, "value": v} for t, v in ents]}
    for _, v in ents:
        assert v in text, (v, text)
    if note: row["note"] = note
    if row["id"] in KNOWN_GAPS: row["known_gap"] = KNOWN_GAPS[row["id"]]
    rows.append(row)

def digits(n, first="123456789"): return R.choice(first) + "".join(R.choice("0123456789") for _ in range(n - 1))
def group(s, sizes, sep=" "):
    out, i = [], 0
    for k in sizes: out.append(s[i:i + k]); i += k
    return sep.join(out)
def zw(s): return s.replace(" ", ZW) if " " in s else ZW.join([s[:len(s)//2], s[len(s)//2:]])
def corrupt_last(s):
    d = int(s[-1]); return s[:-1] + str((d + 1) % 10)

# ---- checksums
def luhn_check(p):
    t = 0
    for i, c in enumerate(reversed(p)):
        d = int(c)
        if i % 2 == 0:
            d *= 2; d -= 9 if d > 9 else 0
        t += d
    return str((10 - t % 10) % 10)
def card(prefix, n): p = prefix + "".join(R.choice("0123456789") for _ in range(n - 1 - len(prefix))); return p + luhn_check(p)
def iban_check(cc, bban):
    s = bban + cc + "00"; v = int("".join(str(int(c, 36)) for c in s)); return f"{98 - v % 97:02d}"
def iban(cc, bban): return cc + iban_check(cc, bban) + bban
def nhs():
    while True:
        p = digits(9); s = sum(int(c) * (10 - i) for i, c in enumerate(p)); c = 11 - s % 11
        if c == 11: c = 0
        if c != 10: return p + str(c)
VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],
      [5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],
      [4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VI = [0,4,3,2,1,5,6,7,8,9]
def verhoeff(p):
    c = 0
    for i, d in enumerate(reversed(p)): c = VD[c][VP[(i + 1) % 8][int(d)]]
    return str(VI[c])
def aadhaar():
    while True:
        p = digits(11, "23456789"); a = p + verhoeff(p)
        if a != a[::-1]: return a
def mod11_10(p):
    prod = 10
    for d in p:
        s = (int(d) + prod) % 10 or 10; prod = (2 * s) % 11
    return str((11 - prod) % 10)
def de_tax():
    while True:
        ds = R.sample("0123456789", 9); ds.append(R.choice(ds)); R.shuffle(ds); p = "".join(ds)
        if p[0] != "0" and not any(p[i] == p[i+1] == p[i+2] for i in range(8)): return p + mod11_10(p)
NIF = "TRWAGMYFPDXBNJZSQVHLCKE"
def nif(): n = digits(8); return n + NIF[int(n) % 23]
def nie(): x = R.choice("XYZ"); n = digits(7, "0123456789"); return x + n + NIF[int(str("XYZ".index(x)) + n) % 23]
def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666: return f"{a:03d}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}"
def itin(): return f"9{R.randint(0,99):02d}-{R.choice(list(range(70,89)))}-{R.randint(0,9999):04d}"
def aba():
    while True:
        p = f"{R.choice([1,2,3,4,5,6,7,8,9,11,12,21,22,26,31,61,63,71]):02d}" + "".join(R.choice("0123456789") for _ in range(6))
        w = [3,7,1,3,7,1,3,7]; s = sum(int(c) * w[i] for i, c in enumerate(p)); c = (10 - s % 10) % 10
        return p + str(c)
ODD = [1,0,5,7,9,13,15,17,19,21,2,4,18,20,11,3,6,8,12,14,16,10,22,25,24,23]
def cf_check(s15):
    t = 0
    for i, c in enumerate(s15):
        v = int(c) if c.isdigit() else ord(c) - 65
        t += ODD[v] if i % 2 == 0 else v
    return chr(65 + t % 26)
def cf():
    s = "".join(R.choice("BCDFGHLMNPRSTVZ") for _ in range(3)) + "".join(R.choice("BCDFGHLMNPRSTVZAEIOU") for _ in range(3))
    s += f"{R.randint(40,99)}" + R.choice("ABCDEHLMPRST") + f"{R.choice([R.randint(1,28), R.randint(41,68)]):02d}" + R.choice("FHL") + f"{R.randint(100,999)}"
    return s + cf_check(s)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58check(version):
    payload = bytes([version]) + bytes(R.randrange(256) for _ in range(20))
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(data, "big"); s = ""
    while n: n, r = divmod(n, 58); s = B58[r] + s
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + s
CH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
def polymod(v):
    g = [0x3b6a57b2,0x26508e6d,0x1ea119fa,0x3d4233dd,0x2a1462b3]; c = 1
    for x in v:
        b = c >> 25; c = (c & 0x1ffffff) << 5 ^ x
        for i in range(5): c ^= g[i] if (b >> i) & 1 else 0
    return c
def bech32(witver, nbytes, const):
    prog = [R.randrange(256) for _ in range(nbytes)]; acc = bits = 0; five = []
    for b in prog:
        acc = acc << 8 | b; bits += 8
        while bits >= 5: bits -= 5; five.append(acc >> bits & 31)
    if bits: five.append(acc << (5 - bits) & 31)
    data = [witver] + five; hrp = "bc"; ex = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    pm = polymod(ex + data + [0] * 6) ^ const
    return hrp + "1" + "".join(CH[d] for d in data + [pm >> 5 * (5 - i) & 31 for i in range(6)])

exec(open("generate_pii_eval_cases.py").read())
with open("pii-eval.jsonl", "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "rows")
