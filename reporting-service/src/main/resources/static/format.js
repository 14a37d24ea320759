/* Shared formatting: cents as euros with two decimals (nl-NL), basis points as percent. Never floats for sums. */
function euros(cents) {
  if (cents === null || cents === undefined) return '';
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = String(abs % 100).padStart(2, '0');
  return (negative ? '-' : '') + whole + ',' + fraction;
}
function percent(basisPoints) {
  if (basisPoints === null || basisPoints === undefined) return '';
  return (basisPoints / 100).toFixed(2).replace('.', ',') + '%';
}
function cell(text, numeric) {
  const td = document.createElement('td');
  td.textContent = text;
  if (numeric) td.className = 'num';
  return td;
}
function fillRows(tbody, rows) {
  tbody.replaceChildren(...rows.map(cells => {
    const tr = document.createElement('tr');
    cells.forEach(c => tr.appendChild(c));
    return tr;
  }));
}
