"""Group "Facility siting" (补短板选址, 第51、69、86–88、91条)."""
