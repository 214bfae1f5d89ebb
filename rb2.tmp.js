const D=require('better-sqlite3'); const db=new D('/tmp/w/d1m/thads.db',{readonly:true});
db.pragma('cache_size = -8000');
const mode = process.argv[2]; const N = 1_000_000;
const q = db.prepare("SELECT position, id, stream_id, revision, type, data, json_extract(metadata, '$.on'), json_extract(metadata, '$.recordedAt') FROM events WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ? ORDER BY stream_id, revision LIMIT ?").raw();
let t = process.hrtime.bigint(); let n = 0;
if (mode === 'stream') {
  let after = ['case-', -1];
  while (n < N) { const rows = q.all(after[0], after[1], 'case.', 1e12, 2000); n += rows.length;
    for (const r of rows) JSON.parse(r[5]); const l = rows[rows.length-1]; after = [l[2], l[3]]; }
} else if (mode === 'nodata') {
  const q2 = db.prepare("SELECT position, stream_id, revision FROM events WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ? ORDER BY stream_id, revision LIMIT ?").raw();
  let after = ['case-', -1];
  while (n < N) { const rows = q2.all(after[0], after[1], 'case.', 1e12, 2000); n += rows.length; const l = rows[rows.length-1]; after = [l[1], l[2]]; }
} else if (mode === 'firsts') {
  const s = db.prepare("SELECT stream_id, position FROM events WHERE revision = 0 AND position <= ?").raw();
  const rows = s.all(1e12); console.log('firsts', rows.length, Number(process.hrtime.bigint()-t)/1e6, 'ms');
  rows.sort((a,b)=>a[1]-b[1]);
  console.log('sorted', Number(process.hrtime.bigint()-t)/1e6, 'ms');
  t = process.hrtime.bigint();
  const one = db.prepare("SELECT position, id, stream_id, revision, type, data, json_extract(metadata, '$.on'), json_extract(metadata, '$.recordedAt') FROM events WHERE stream_id = ? AND position <= ? ORDER BY revision").raw();
  for (let i = 0; n < N; i++) { const rs = one.all(rows[i][0], 1e12); n += rs.length; for (const r of rs) JSON.parse(r[5]); }
}
const s = Number(process.hrtime.bigint()-t)/1e9; console.log(mode, n, (n/s|0), 'ev/s', (s*1e6/n).toFixed(2),'us/ev');
