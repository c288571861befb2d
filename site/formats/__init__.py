"""Date and time formats the audience expects, where Django's defaults differ (FORMAT_MODULE_PATH)."""
