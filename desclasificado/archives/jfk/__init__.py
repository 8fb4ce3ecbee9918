"""archives/jfk"""
