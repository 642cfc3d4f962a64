// Reads an HdrHistogram log with hdr-histogram-js and prints what it decoded as JSON:
// the header's StartTime/BaseTime, every interval (tag, absolute start/end in ms, count, max, percentiles)
// and, per tag, the intervals added up. Usage: node read-hlog.js <file.hlog> <percentile>...
"use strict";
const fs = require("fs");
const hdr = require("hdr-histogram-js");

const [file, ...levels] = process.argv.slice(2);
const percentiles = levels.map(Number);
const text = fs.readFileSync(file, "utf8");
const reader = new hdr.HistogramLogReader(text, 64);

function summary(histogram) {
  return {
    totalCount: histogram.totalCount,
    maxValue: histogram.maxValue,
    percentiles: percentiles.map((p) => histogram.getValueAtPercentile(p)),
  };
}

const intervals = [];
const merged = {};
for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
  intervals.push({ tag: h.tag, startMs: h.startTimeStampMsec, endMs: h.endTimeStampMsec, ...summary(h) });
  if (!(h.tag in merged)) {
    merged[h.tag] = hdr.build({ bitBucketSize: 64, lowestDiscernibleValue: 1, highestTrackableValue: h.highestTrackableValue, numberOfSignificantValueDigits: h.numberOfSignificantValueDigits });
  }
  merged[h.tag].add(h);
}

const totals = {};
for (const [tag, h] of Object.entries(merged)) {
  totals[tag] = summary(h);
}

process.stdout.write(JSON.stringify({ startTimeSec: reader.startTimeSec ?? null, baseTimeSec: reader.baseTimeSec ?? null, intervals, totals }));
