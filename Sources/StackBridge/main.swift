print("stackbridge")
