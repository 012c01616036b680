export const CONFIRM_HOURS = 48;
