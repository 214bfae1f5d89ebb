const D=require('better-sqlite3'); const db=new D('/tmp/w/d1m/thads.db',{readonly:true});
db.pragma('cache_size = -8000');
const cols = { ext: "position, id, stream_id, revision, type, data, json_extract(metadata, '$.on'), json_extract(metadata, '$.recordedAt')",
  arrow: "position, id, stream_id, revision, type, data, metadata ->> '$.on', metadata ->> '$.recordedAt'",
  text: "position, id, stream_id, revision, type, data, metadata",
  nometa: "position, id, stream_id, revision, type, data" };
const mode = process.argv[2]; const N = 1_000_000;
const q = db.prepare(`SELECT ${cols[mode]} FROM events WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ? ORDER BY stream_id, revision LIMIT ?`).raw();
let after = [process.argv[3] || 'case-demo-5', -1]; let n = 0;
const t = process.hrtime.bigint();
while (n < N) { const rows = q.all(after[0], after[1], 'case.', 1e12, 2000); n += rows.length; for (const r of rows) JSON.parse(r[5]); const l = rows[rows.length-1]; after = [l[2], l[3]]; }
const s = Number(process.hrtime.bigint()-t)/1e9; console.log(mode, (s*1e6/n).toFixed(2),'us/ev');
