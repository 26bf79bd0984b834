// node edtf_js.mjs < strings: parses each line with edtf.js and prints
// input<TAB>earliest<TAB>latest — the UTC days of the value's min and max (YYYY-MM-DD, years
// outside 0000..9999 signed, as `archive dates edtf` prints them; ".." for ±Infinity, empty
// for null, NaN when edtf.js gives no number) — or input<TAB>error.
import { readFileSync } from 'node:fs'
import edtf from 'edtf'

const DAY_MS = 86400000

// H. Hinnant's civil_from_days: proleptic Gregorian, any year a double can hold.
function civil (days) {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
    Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

const pad = (n, w) => String(n).padStart(w, '0')

function bound (ms) {
  if (ms === null || ms === undefined) return ''
  if (ms === Infinity || ms === -Infinity) return '..'
  if (!Number.isFinite(ms)) return 'NaN'
  const [y, m, d] = civil(Math.floor(ms / DAY_MS))
  const year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 4)
  return `${year}-${pad(m, 2)}-${pad(d, 2)}`
}

const lines = readFileSync(0, 'utf8').split('\n')
if (lines.at(-1) === '') lines.pop()
const out = []
for (const input of lines) {
  try {
    const value = edtf(input)
    out.push(`${input}\t${bound(value.min)}\t${bound(value.max)}`)
  } catch {
    out.push(`${input}\terror`)
  }
}
out.push('')
process.stdout.write(out.join('\n'))
