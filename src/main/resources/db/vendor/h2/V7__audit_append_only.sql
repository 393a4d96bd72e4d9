-- Nobody, not even the application's own connection, may change or remove audit rows.
create trigger audit_entry_no_update_delete before update, delete on audit_entry
    for each row call 'io.smiledesk.audit.AppendOnlyTrigger';
