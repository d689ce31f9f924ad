veld raised_by
