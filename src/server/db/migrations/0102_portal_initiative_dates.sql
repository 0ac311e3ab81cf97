-- Initiatives have a founding year, not a date: search rows no longer carry an invented
-- 1 January as their date (the year facet keeps the founding year).
update portal_search set item_date = null where type = 'initiative' and item_date is not null;
update portal_search_facets set item_date = null where type = 'initiative' and item_date is not null;
