// Calendar days are shared with every service: see @si/kernel (local-date.ts).
export {
  type LocalDate,
  isLocalDate,
  localDate,
  localDateOf,
  addMonths,
  addDays,
  daysBetween,
  isBefore,
  isAfter,
  maxDate,
} from '@si/kernel';
