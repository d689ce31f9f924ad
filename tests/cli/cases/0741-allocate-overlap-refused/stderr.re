geweigerd
toewijzing 1, van 01-12-2026 tot en met 31-05-2027
