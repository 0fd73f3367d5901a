/** Shows the unit field for clerks and heads and the BIN field for applicants only. */
const role = document.getElementById('role') as HTMLSelectElement;
const unitLabel = document.querySelector('[data-for="unit"]') as HTMLElement;
const binLabel = document.querySelector('[data-for="bin"]') as HTMLElement;
const bin = document.getElementById('bin') as HTMLInputElement;
function sync() {
  unitLabel.hidden = !['clerk', 'head'].includes(role.value);
  binLabel.hidden = role.value !== 'applicant';
  bin.required = role.value === 'applicant';
}
role.addEventListener('change', sync);
sync();
