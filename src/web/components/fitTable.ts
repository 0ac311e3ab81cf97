import './fit-table.css';

/**
 * The class for a data table that must fit on a phone: below 48em its rows become cards (status
 * and actions stay visible, nothing scrolls sideways). Put the status in a cell with words
 * (a badge), not a column header alone, and the actions in the last cell.
 */
export const FIT_TABLE = 'fit-table';
