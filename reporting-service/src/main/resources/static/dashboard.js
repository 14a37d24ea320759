/* The operator dashboard: everything comes from the service's own JSON APIs. */
let chart;

function selectedYear() {
  return Number(document.getElementById('year').value);
}

async function initYears() {
  const select = document.getElementById('year');
  const params = new URLSearchParams(location.search);
  // the current year is the service's (its clock), not the browser's
  const [years, today] = await Promise.all([getJson('/api/v1/sector-loads/years'), getJson('/api/v1/today')]);
  const current = today.year;
  if (!years.includes(current)) years.push(current);
  years.sort();
  const wanted = Number(params.get('year')) || (years.includes(current) ? current : years[years.length - 1]);
  select.replaceChildren(...years.map(y => new Option(String(y), String(y), false, y === wanted)));
  select.addEventListener('change', refresh);
}

async function showSectorLoads(year) {
  const loads = await getJson('/api/v1/sector-loads?year=' + year);
  document.getElementById('threshold').textContent = percent(loads.alertThresholdBasisPoints);
  fillRows(document.querySelector('#sector-loads tbody'), loads.sectors.map(s => {
    const row = [cell(s.sector), cell(euros(s.amountCents), true), cell(euros(s.committedCents), true),
      cell(euros(s.macroBudgetCents), true), cell(percent(s.loadShareBasisPoints), true),
      cell(percent(s.committedShareBasisPoints), true)];
    row[1].dataset.cents = s.amountCents;
    return row;
  }));
  document.querySelectorAll('#sector-loads tbody tr').forEach((tr, i) => tr.dataset.sector = loads.sectors[i].sector);
  document.getElementById('total-settled').textContent = euros(loads.totalCents);
  document.getElementById('total-committed').textContent = euros(loads.committedCents);
  // a closed service year: when, and per sector the amount as closed and the later corrections (booked in later years)
  const closed = document.getElementById('year-closed');
  closed.hidden = !loads.closed;
  closed.textContent = !loads.closed ? '' : 'Service year closed ' + loads.closedAt.replace('T', ' ').substring(0, 16)
    + ' UTC; as closed + later corrections: ' + loads.sectors.map(s => s.sector + ' '
      + (s.amountAtCloseCents === null ? 'withheld' : euros(s.amountAtCloseCents) + ' + ' + euros(s.laterCorrectionsCents)))
      .join(', ');
  document.getElementById('other-domains').textContent = loads.otherDomains.length === 0 ? ''
    : 'Recorded, not paid by insurers (R7): ' + loads.otherDomains.map(d => d.domain + ' ' + euros(d.committedCents)).join(', ');
  const data = {
    labels: loads.sectors.map(s => s.sector),
    datasets: [
      { label: 'Settled (EUR)', data: loads.sectors.map(s => s.amountCents / 100), backgroundColor: '#154273' },
      { label: 'Committed (EUR)', data: loads.sectors.map(s => s.committedCents / 100), backgroundColor: '#8fcae7' }
    ]
  };
  if (typeof Chart === 'undefined') return;
  if (chart) {
    chart.data = data;
    chart.update();
  } else {
    chart = new Chart(document.getElementById('sector-chart'), { type: 'bar', data, options: { animation: false } });
  }
}

async function showAlerts(year) {
  const alerts = await getJson('/api/v1/alerts?year=' + year);
  const tbody = document.querySelector('#alerts tbody');
  if (alerts.length === 0) {
    fillRows(tbody, [[cell('No alerts: no sector crossed the threshold in ' + year + '.')]]);
    tbody.querySelector('td').colSpan = 7;
    return;
  }
  fillRows(tbody, alerts.map(a => [cell(a.raisedAt.replace('T', ' ').substring(0, 19)), cell(a.sector), cell(String(a.year)),
    cell(a.basis), cell(euros(a.loadCents), true), cell(euros(a.macroBudgetCents), true), cell(percent(a.shareBasisPoints), true)]));
  tbody.querySelectorAll('tr').forEach((tr, i) => tr.dataset.sector = alerts[i].sector);
}

async function showRegionLoads(year) {
  const loads = await getJson('/api/v1/region-loads?year=' + year);
  csvLink('region-loads-csv', '/api/v1/region-loads?format=csv&year=' + year, 'region-loads-' + year + '.csv');
  fillRows(document.querySelector('#region-loads tbody'), loads.regions.map(r => {
    const row = [cell(r.region), cell(euros(r.settledCents), true), cell(euros(r.committedCents), true),
      cell(String(r.contractCount), true)];
    return row;
  }));
  document.querySelectorAll('#region-loads tbody tr').forEach((tr, i) => {
    tr.dataset.region = loads.regions[i].region;
    if (loads.regions[i].contractCount === 0) tr.className = 'quiet';
  });
  document.getElementById('region-total-settled').textContent = euros(loads.settledCents);
  document.getElementById('region-total-committed').textContent = euros(loads.committedCents);
}

async function showContracts() {
  const byStatus = await getJson('/api/v1/contracts/by-status');
  fillRows(document.querySelector('#contracts-by-status tbody'),
    Object.entries(byStatus).map(([status, count]) => [cell(status), cell(String(count), true)]));
  const pending = await getJson('/api/v1/allocations/pending?size=50');
  document.getElementById('pending-count').textContent = pending.total;
  fillRows(document.querySelector('#pending-allocations tbody'),
    pending.items.map(p => [cell(p.contractId), cell(String(p.allocationVersion), true), cell(p.pendingReason || '')]));
}

async function showSettlements(year) {
  const periods = await getJson('/api/v1/settlements/by-period?size=100&year=' + year);
  document.getElementById('settlements-count').textContent = periods.total;
  csvLink('settlements-csv', '/api/v1/settlements/by-period?format=csv&year=' + year,
    'settlements-by-period-' + year + '.csv');
  fillRows(document.querySelector('#settlements tbody'), periods.items.map(p => [cell(p.periodStart + ' – ' + p.periodEnd),
    cell(p.sector), cell(euros(p.amountCents), true), cell(String(p.entries), true), cell(String(p.corrections), true)]));
}

async function showTopics() {
  try {
    const topics = await getJson('/api/v1/operations/topics');
    fillRows(document.querySelector('#topics tbody'), topics.map(t => [cell(t.topic), cell(String(t.endOffset), true),
      cell(String(t.consumerLag), true), cell(t.deadLetterTopic), cell(String(t.deadLetters), true)]));
  } catch (e) {
    const reason = e instanceof ApiRefused ? 'Operators only: ' + e.message : 'Kafka not reachable: ' + e.message;
    fillRows(document.querySelector('#topics tbody'), [[cell(reason)]]);
  }
}

async function refresh() {
  const year = selectedYear();
  document.getElementById('monitor-link').href = 'monitor.html?year=' + year;
  await Promise.all([showSectorLoads(year), showAlerts(year), showRegionLoads(year), showContracts(), showSettlements(year), showTopics()]);
  document.body.dataset.loaded = 'true';
}

/* Without a valid token nothing loads: the message above the page says why (401 or 403). */
initYears().then(refresh).catch(e => console.error(e));
